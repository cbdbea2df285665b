import {
  type ApiClient,
  type CallOptions,
  type ListOptions,
  type PagedList,
  pageNumberPaging,
  paginate,
  callOptions,
  lazily,
} from "@customer-api/core/vendor-kit";
import type { components, paths } from "./generated/schema.js";
import type { CoaxCustomer, CoaxNormalizeOptions } from "./normalize.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeCoaxCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeCoaxCustomer));

type Schemas = components["schemas"];
type ListPage = Schemas["CustomerListResponse"];
/** The body of `customers.create()`, typed from Coax's spec. */
export type CoaxCreateCustomerInput = components["schemas"]["CreateCustomerRequest"];
/** The body of `customers.upsert()`, typed from Coax's spec: an email or phone to find the customer by. */
export type CoaxUpsertCustomerInput = components["schemas"]["UpsertCustomerRequest"];
/** The body of `customers.update()`, typed from Coax's spec: only the fields to change. */
export type CoaxUpdateCustomerInput = components["schemas"]["UpdateCustomerRequest"];

/** Core's per-call options, plus the location for this call. */
export interface CoaxCallOptions extends CallOptions {
  /** `location_id` for this call, instead of the client's `locationId`. */
  locationId?: string;
}

/** Search and paging for `customers.list()`, plus the location to list. */
export interface CoaxListParams extends ListOptions {
  /** `page_size`: customers per page (Coax documents no default or maximum). */
  pageSize?: number;
  /** `q`: free-text search. */
  query?: string;
  /** `location_id` for this listing, instead of the client's `locationId`. */
  locationId?: string;
}

/** `client.customers`: Coax's customers, normalized to `Customer`. */
export interface CoaxCustomers {
  /** `GET /api/v2/customers/{id}` (getCustomer), normalized. */
  get(id: string, options?: CoaxCallOptions): Promise<CoaxCustomer>;
  /** `GET /api/v2/customers` (listCustomers): every page, fetched lazily by page number. */
  list(params?: CoaxListParams): PagedList<CoaxCustomer, ListPage>;
  /** `POST /api/v2/customers` (createCustomer). Not retried after a 500 or a dropped connection. */
  create(input: CoaxCreateCustomerInput, options?: CoaxCallOptions): Promise<CoaxCustomer>;
  /** `POST /api/v2/customers/upsert` (upsertCustomer): find by email/phone or create. Not retried after a 500. */
  upsert(input: CoaxUpsertCustomerInput, options?: CoaxCallOptions): Promise<CoaxCustomer>;
  /** `PUT /api/v2/customers/{id}` (updateCustomer): fields left out stay unchanged. */
  update(id: string, input: CoaxUpdateCustomerInput, options?: CoaxCallOptions): Promise<CoaxCustomer>;
  /** `DELETE /api/v2/customers/{id}` (deleteCustomer). Resolves once Coax confirms. */
  delete(id: string, options?: CoaxCallOptions): Promise<void>;
}

/** A per-call `locationId` in the body, unless the body names one; the client's default comes from its middleware. */
const withLocation = <T extends { location_id?: string }>(input: T, locationId: string | undefined): T =>
  locationId === undefined || input.location_id !== undefined ? input : { ...input, location_id: locationId };

export function coaxCustomers(api: ApiClient<paths>, normalizeOptions: CoaxNormalizeOptions = {}): CoaxCustomers {
  const normalize = (record: unknown) => normalizeCoaxCustomer(record, normalizeOptions);
  const customerFrom = (result: { data?: { body?: unknown }; error?: unknown; response: Response }) =>
    normalize(api.unwrap(result)?.body);

  return {
    async get(id, options = {}) {
      return customerFrom(
        await api.client.GET("/api/v2/customers/{id}", {
          params: { path: { id }, query: { location_id: options.locationId } },
          ...callOptions(options),
        }),
      );
    },

    list(params = {}) {
      const { maxItems, pageSize, query, locationId } = params;
      return paginate({
        vendor: "coax",
        maxItems,
        concurrency: params.concurrency ?? api.profile.rateLimit?.concurrency,
        ...callOptions(params),
        style: pageNumberPaging<ListPage, unknown>({
          pageSize,
          items: (page) => page?.body?.customers,
          // `total` and `page_size` are optional in the spec; without them a short or empty page ends the list.
          totalPages: (page) => {
            const { total, page_size: size } = page?.body ?? {};
            return typeof total === "number" && typeof size === "number" && size > 0 ? Math.ceil(total / size) : undefined;
          },
        }),
        fetchPage: async ({ page }, call) =>
          api.unwrap(
            await api.client.GET("/api/v2/customers", {
              params: { query: { page, page_size: pageSize, q: query, location_id: locationId } },
              ...call,
            }),
          ),
        map: normalize,
        itemKey: (item) => (item as { id?: unknown } | null)?.id,
      });
    },

    async create(input, options = {}) {
      return customerFrom(
        await api.client.POST("/api/v2/customers", { body: withLocation(input, options.locationId), ...callOptions(options) }),
      );
    },

    async upsert(input, options = {}) {
      return customerFrom(
        await api.client.POST("/api/v2/customers/upsert", {
          body: withLocation(input, options.locationId),
          ...callOptions(options),
        }),
      );
    },

    async update(id, input, options = {}) {
      return customerFrom(
        await api.client.PUT("/api/v2/customers/{id}", {
          params: { path: { id }, query: { location_id: options.locationId } },
          body: input,
          ...callOptions(options),
        }),
      );
    },

    async delete(id, options = {}) {
      api.unwrap(
        await api.client.DELETE("/api/v2/customers/{id}", {
          params: { path: { id }, query: { location_id: options.locationId } },
          ...callOptions(options),
        }),
      );
    },
  };
}
