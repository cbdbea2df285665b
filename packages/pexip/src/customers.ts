import {
  type ApiClient,
  type CallOptions,
  type ListOptions,
  offsetPaging,
  type PagedList,
  paginate,
  callOptions,
  lazily,
} from "@customer-api/core/vendor-kit";
import { CORRELATION_ID_HEADER } from "./correlation-id.js";
import type { components, paths } from "./generated/schema.js";
import type { PexipCustomer } from "./normalize.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizePexipCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizePexipCustomer));

type ListPage = components["schemas"]["CustomerListResponse"];
export type PexipCustomerUpdate = components["schemas"]["CustomerUpdate"];

export interface PexipCallOptions extends CallOptions {
  /** `X-Correlation-Id` for this call (default: a new UUID per call, kept across its retries). */
  correlationId?: string;
}

export interface PexipListParams extends ListOptions {
  /** `limit`: records per page, 1 to 100 (the maximum is assumed), default 25. */
  pageSize?: number;
  /** `X-Correlation-Id` sent with every page (default: a new UUID per page request). */
  correlationId?: string;
}

export interface PexipCustomers {
  /** `GET /customers/{id}` (getCustomer), normalized. */
  get(id: string, options?: PexipCallOptions): Promise<PexipCustomer>;
  /** `PATCH /customers/{id}` (updateCustomer): changes only the fields given; returns the updated customer. */
  update(id: string, changes: PexipCustomerUpdate, options?: PexipCallOptions): Promise<PexipCustomer>;
  /** `GET /customers` (listCustomers, an assumed operation): every page, fetched lazily by offset. */
  list(params?: PexipListParams): PagedList<PexipCustomer, ListPage>;
}

const correlationHeader = (correlationId: string | undefined) =>
  correlationId === undefined ? undefined : { [CORRELATION_ID_HEADER]: correlationId };

export function pexipCustomers(api: ApiClient<paths>): PexipCustomers {
  return {
    async get(id, options = {}) {
      const result = await api.client.GET("/customers/{id}", {
        params: { path: { id }, header: correlationHeader(options.correlationId) },
        ...callOptions(options),
      });
      return normalizePexipCustomer(api.unwrap(result)?.data);
    },

    async update(id, changes, options = {}) {
      const result = await api.client.PATCH("/customers/{id}", {
        params: { path: { id }, header: correlationHeader(options.correlationId) },
        body: changes,
        ...callOptions(options),
      });
      return normalizePexipCustomer(api.unwrap(result)?.data);
    },

    list(params = {}) {
      const { maxItems, pageSize = 25, correlationId } = params;
      return paginate({
        vendor: "pexip",
        maxItems,
        ...callOptions(params),
        style: offsetPaging<ListPage, unknown>({
          limit: pageSize,
          items: (page) => page?.data,
          total: (page) => page?.meta?.totalCount,
        }),
        fetchPage: async ({ offset, limit }, call) =>
          api.unwrap(
            await api.client.GET("/customers", {
              params: { query: { offset, limit }, header: correlationHeader(correlationId) },
              ...call,
            }),
          ),
        map: normalizePexipCustomer,
        itemKey: (item) => (item as { id?: unknown } | null)?.id,
      });
    },
  };
}
