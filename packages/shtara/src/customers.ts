import {
  type ApiClient,
  type CallOptions,
  InvalidRequestError,
  type ListOptions,
  type PagedList,
  pageNumberPaging,
  paginate,
  callOptions,
  lazily,
} from "@customer-api/core/vendor-kit";
import type { components, operations, paths } from "./generated/schema.js";
import type { ShtaraCustomer } from "./normalize.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeShtaraCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeShtaraCustomer));

/** The query of `GET /customers` (listCustomers), as the vendor names its parameters. */
export type ShtaraListQuery = NonNullable<operations["listCustomers"]["parameters"]["query"]>;
/** A key `fields[]` can add to each listed customer (the 10 Salla allows on the list). */
export type ShtaraListField = NonNullable<ShtaraListQuery["fields[]"]>[number];
/** A key `fields[]` can add to one customer's details (the 19 Salla allows on Customer Details). */
export type ShtaraDetailField = NonNullable<NonNullable<operations["getCustomer"]["parameters"]["query"]>["fields[]"]>[number];
type ListPage = components["schemas"]["CustomerListResponse"];
type ImportBody = components["schemas"]["ImportCustomersRequest"];
/** The body of `POST /customers`, as the vendor names its fields. */
export type ShtaraCreateCustomerInput = components["schemas"]["CustomerCreateRequest"];
/** The body of `PUT /customers/{customer}`: only the fields to change. */
export type ShtaraUpdateCustomerInput = components["schemas"]["CustomerUpdateRequest"];

/** Filters and paging for `customers.list()`; each filter names the Salla query parameter it sets. */
export interface ShtaraListParams extends ListOptions {
  /** `per_page`: default 15. The docs say at most 60 (the vendor's schema 65): 60 is the safe value. */
  pageSize?: number;
  /** `keyword`: matches mobile, name, email, shipping number, reference id or tag name. */
  keyword?: string;
  /** `date_from` / `date_to`, `YYYY-MM-DD`. */
  dateFrom?: string;
  /** `date_to`, `YYYY-MM-DD`: the end of the range `dateFrom` starts. */
  dateTo?: string;
  /** `fields[]`: extra keys to add to each record (`is_blocked`, `block_reason`, …); the record keeps all its other fields. */
  fields?: ShtaraListField[];
}

/** Core's per-call options, plus the extra fields to ask for on `customers.get()`. */
export interface ShtaraGetOptions extends CallOptions {
  /** `fields[]`: extra keys to add to the record (`is_blocked`, `orders_count`, …); the record keeps all its other fields. */
  fields?: ShtaraDetailField[];
}

/** Core's per-call options, plus the reason Salla requires for a ban. */
export interface ShtaraBanOptions extends CallOptions {
  /** Why the customer is banned (free text, kept by the store). Salla requires it. */
  reason: string;
}

/** Core's per-call options, plus the name of the uploaded file for a customer import. */
export interface ShtaraImportOptions extends CallOptions {
  /** The file name sent with the upload; default the `File`'s own name, else `customers.xlsx`. */
  filename?: string;
}

/** What the vendor says about an accepted import: it runs later, so a message is all there is. */
export interface ShtaraImportResult {
  /** The vendor's message, in the `Accept-Language` language (e.g. "the file is being processed"). */
  message: string | null;
}

/** `client.customers`: Salla's customers, normalized to `Customer`. */
export interface ShtaraCustomers {
  /** `GET /customers/{customer}` (getCustomer), normalized. */
  get(id: number | string, options?: ShtaraGetOptions): Promise<ShtaraCustomer>;
  /** `GET /customers` (listCustomers): every page, fetched lazily by page number. */
  list(params?: ShtaraListParams): PagedList<ShtaraCustomer, ListPage>;
  /** `POST /customers` (createCustomer): the created customer, normalized. */
  create(input: ShtaraCreateCustomerInput, options?: CallOptions): Promise<ShtaraCustomer>;
  /** `PUT /customers/{customer}` (updateCustomer): the updated customer, normalized. */
  update(id: number | string, input: ShtaraUpdateCustomerInput, options?: CallOptions): Promise<ShtaraCustomer>;
  /** `DELETE /customers/{customer}` (deleteCustomer). */
  delete(id: number | string, options?: CallOptions): Promise<void>;
  /** `PUT /customers/blacklist/{customer}` (banCustomer): the customer can no longer order. */
  ban(id: number | string, options: ShtaraBanOptions): Promise<void>;
  /** `DELETE /customers/blacklist/{customer}` (unbanCustomer). */
  unban(id: number | string, options?: CallOptions): Promise<void>;
  /** `POST /customers/import` (importCustomers): uploads a spreadsheet; the store imports it later. */
  import(file: Blob, options?: ShtaraImportOptions): Promise<ShtaraImportResult>;
}

export function shtaraCustomers(api: ApiClient<paths>): ShtaraCustomers {
  // The spec types the id as an integer; strings are sent as given (and percent-encoded).
  const path = (id: number | string) => ({ path: { customer: id as number } });
  const customerOf = (body: { data?: unknown } | undefined) => normalizeShtaraCustomer(body?.data);

  return {
    async get(id, options = {}) {
      const query = options.fields && options.fields.length > 0 ? { "fields[]": options.fields } : undefined;
      const result = await api.client.GET("/customers/{customer}", { params: { ...path(id), query }, ...callOptions(options) });
      return customerOf(api.unwrap(result));
    },

    list(params = {}) {
      const { maxItems, ...filters } = params;
      const query: ShtaraListQuery = {
        per_page: filters.pageSize,
        keyword: filters.keyword,
        date_from: filters.dateFrom,
        date_to: filters.dateTo,
        "fields[]": filters.fields && filters.fields.length > 0 ? filters.fields : undefined,
      };
      return paginate({
        vendor: "shtara",
        maxItems,
        concurrency: params.concurrency ?? api.profile.rateLimit?.concurrency,
        ...callOptions(params),
        style: pageNumberPaging<ListPage, unknown>({
          pageSize: filters.pageSize,
          items: (page) => page?.data,
          totalPages: (page) => page?.pagination?.totalPages,
        }),
        fetchPage: async ({ page }, call) =>
          api.unwrap(await api.client.GET("/customers", { params: { query: { ...query, page } }, ...call })),
        map: normalizeShtaraCustomer,
        itemKey: (item) => (item as { id?: unknown } | null)?.id,
      });
    },

    async create(input, options = {}) {
      return customerOf(api.unwrap(await api.client.POST("/customers", { body: input, ...callOptions(options) })));
    },

    async update(id, input, options = {}) {
      const result = await api.client.PUT("/customers/{customer}", { params: path(id), body: input, ...callOptions(options) });
      return customerOf(api.unwrap(result));
    },

    // The delete, ban and unban answers carry only fixed success sentences (Ban even says 201 in an
    // HTTP 200; delete sends a list of strings; unban answers 202): no record, no id. Success is the 2xx; anything else throws. Raw access keeps the body.
    async delete(id, options = {}) {
      api.unwrap(await api.client.DELETE("/customers/{customer}", { params: path(id), ...callOptions(options) }));
    },

    async ban(id, options) {
      // Salla answers 422 to a ban without a reason: refuse it here, before a request is spent.
      if (typeof options?.reason !== "string" || options.reason.trim() === "") {
        throw new InvalidRequestError({ vendor: "shtara", message: "customers.ban needs a reason: ban(id, { reason })" });
      }
      const body = { reason: options.reason };
      api.unwrap(await api.client.PUT("/customers/blacklist/{customer}", { params: path(id), body, ...callOptions(options) }));
    },

    async unban(id, options = {}) {
      api.unwrap(await api.client.DELETE("/customers/blacklist/{customer}", { params: path(id), ...callOptions(options) }));
    },

    async import(file, options = {}) {
      if (typeof Blob === "undefined" || !(file instanceof Blob)) {
        throw new InvalidRequestError({ vendor: "shtara", message: "customers.import expects a Blob or File" });
      }
      const form = new FormData();
      form.append("file", file, options.filename ?? ((file as Partial<File>).name || "customers.xlsx"));
      // openapi-typescript types a binary field as string; openapi-fetch sends a FormData body as it is.
      const body = form as unknown as ImportBody;
      const result = api.unwrap(await api.client.POST("/customers/import", { body, ...callOptions(options) }));
      // The text helper loads with the normalizers, off the start-up path.
      const { cleanText } = await import("@customer-api/core/vendor-kit/normalize");
      return { message: cleanText(result?.data?.message) };
    },
  };
}
