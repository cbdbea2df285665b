/**
 * Each vendor as the fault server must speak it: where its customer routes live, its
 * single-record, list-page and error envelopes (from its spec), and its client made through the
 * package's public factory. The hostile suite loops over this table, so every fault reaches
 * every vendor the same way.
 */
import { createCoaxClient } from "@customer-api/coax";
import type { ClientOptions, Customer, PagedList } from "@customer-api/core";
import { createHamgamClient } from "@customer-api/hamgam";
import { createHomeleClient } from "@customer-api/homele";
import { createPexipClient } from "@customer-api/pexip";
import { createShtaraClient } from "@customer-api/shtara";
import type { FaultServer } from "@customer-api/testkit";

export type VendorName = "homele" | "pexip" | "shtara" | "hamgam" | "coax";
export type RawRecord = Record<string, unknown>;
type CallOptions = { signal?: AbortSignal };
type ListParams = { pageSize?: number; maxItems?: number; signal?: AbortSignal };

/** What a test needs of a client, whichever vendor made it. */
export interface AnyClient {
  customers: {
    get(id: string, options?: CallOptions): Promise<Customer>;
    list(params?: ListParams): PagedList<Customer>;
  };
  rateLimiter: unknown;
}

/** One method that puts an id in the path. */
export interface IdMethod {
  method: "GET" | "PUT" | "PATCH" | "DELETE";
  /** The route the id must land on, with `{id}` where its one encoded segment goes. */
  route: string;
  call(client: AnyClient, id: string, options?: CallOptions): Promise<unknown>;
}

/** A method that sends a JSON body (for the 307/308 replay rules). */
export interface BodyMethod {
  name: string;
  method: "POST" | "PUT" | "PATCH";
  /** Raw path the first attempt goes to. */
  path: string;
  call(client: AnyClient, options?: CallOptions): Promise<unknown>;
}

export interface PagePosition {
  /** 0-based page index. */
  index: number;
  pageSize: number;
  /** The total the page claims (drives `has_more`, `totalCount`, `count`, `totalPages`). */
  total: number;
  /** Whether the page says another follows. */
  more: boolean;
}

export interface VendorKit {
  name: VendorName;
  /** Raw path of one customer, `encodedId` already percent-encoded. */
  customerPath(encodedId: string): string;
  listPath: string;
  /** A schema-valid raw record, distinct per `n`. */
  record(n: number): RawRecord;
  /** The body of a single-record answer (get, update, create). */
  single(record: RawRecord): unknown;
  /** The body of a list page. */
  page(records: RawRecord[], position: PagePosition): unknown;
  /** Which page a list request asks for (0-based), from its query. */
  pageIndex(query: URLSearchParams, pageSize: number): number;
  /** The vendor's error body, carrying `message`. */
  error(status: number, message: string): unknown;
  /** A 429 body that holds the wait, for vendors that put one there. */
  rateLimitBody?(seconds: number): unknown;
  client(server: FaultServer | string, options?: Partial<ClientOptions> & Record<string, unknown>): AnyClient;
  idMethods: Record<string, IdMethod>;
  bodyMethods: BodyMethod[];
  /** The list filter that takes free text, as the query parameter it becomes. */
  search?: { param: string; list(client: AnyClient, text: string): PagedList<Customer> };
}

export const TOKEN = "sk-live-7f3a9c1e5b2d4680-TOPSECRET";

const base = (server: FaultServer | string) => (typeof server === "string" ? server : server.url);
const defaults = { token: TOKEN, rateLimit: false as const };

const homele: VendorKit = {
  name: "homele",
  customerPath: (id) => `/customers/${id}`,
  listPath: "/customers",
  record: (n) => ({
    id: n,
    name: `Customer ${n}`,
    first_name: "Customer",
    last_name: String(n),
    email1: `c${n}@example.com`,
    phone1: "+9647501234567",
    created_at: "2025-11-20T14:30:00+03:00",
  }),
  single: (record) => ({ success: true, data: record }),
  page: (records, p) => ({
    success: true,
    data: records,
    meta: { per_page: p.pageSize, next_cursor: p.more ? `c${p.index + 1}` : null, prev_cursor: null, has_more: p.more },
  }),
  pageIndex: (query) => Number((query.get("cursor") ?? "c0").slice(1)),
  error: (_status, message) => ({ success: false, message }),
  rateLimitBody: (seconds) => ({ success: false, message: "Too Many Attempts.", retry_after: seconds }),
  client: (server, options = {}) => createHomeleClient({ ...defaults, baseUrl: base(server), ...options } as never) as never,
  idMethods: {
    get: { method: "GET", route: "/customers/{id}", call: (c, id, o) => c.customers.get(id, o) },
  },
  bodyMethods: [],
  search: { param: "filter[query]", list: (c, text) => (c as any).customers.list({ "filter[query]": text, maxItems: 1 }) },
};

const pexip: VendorKit = {
  name: "pexip",
  customerPath: (id) => `/customers/${id}`,
  listPath: "/customers",
  record: (n) => ({
    id: String(n),
    firstName: "Customer",
    lastName: String(n),
    email: `c${n}@example.com`,
    existing: true,
    createdAt: "2022-08-17T19:05:21.362Z",
    updatedAt: "2022-08-17T19:05:21.362Z",
    deletedAt: null,
  }),
  single: (record) => ({ data: record }),
  page: (records, p) => ({ data: records, meta: { totalCount: p.total } }),
  pageIndex: (query, size) => Math.floor(Number(query.get("offset") ?? 0) / size),
  error: (status, message) => ({ errors: [{ message, code: "ERR", type: "Error", statusCode: String(status) }] }),
  client: (server, options = {}) => createPexipClient({ ...defaults, baseUrl: base(server), ...options } as never) as never,
  idMethods: {
    get: { method: "GET", route: "/customers/{id}", call: (c, id, o) => c.customers.get(id, o) },
    update: {
      method: "PATCH",
      route: "/customers/{id}",
      call: (c, id, o) => (c as any).customers.update(id, { firstName: "Jo" }, o),
    },
  },
  bodyMethods: [
    {
      name: "update",
      method: "PATCH",
      path: "/customers/1",
      call: (c, o) => (c as any).customers.update("1", { firstName: "Jo" }, o),
    },
  ],
};

const shtara: VendorKit = {
  name: "shtara",
  customerPath: (id) => `/customers/${id}`,
  listPath: "/customers",
  record: (n) => ({
    id: n,
    first_name: "Customer",
    last_name: String(n),
    email: `c${n}@example.com`,
    mobile: 501234567,
    mobile_code: "+966",
    country_code: "SA",
    city: "Riyadh",
    updated_at: { date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "UTC" },
  }),
  single: (record) => ({ status: 200, success: true, data: record }),
  page: (records, p) => ({
    status: 200,
    success: true,
    data: records,
    pagination: {
      count: records.length,
      total: p.total,
      perPage: p.pageSize,
      currentPage: p.index + 1,
      totalPages: Math.max(1, Math.ceil(p.total / p.pageSize)),
      links: [],
    },
  }),
  pageIndex: (query) => Number(query.get("page") ?? 1) - 1,
  error: (status, message) => ({ status, success: false, error: { code: "error", message } }),
  client: (server, options = {}) => createShtaraClient({ ...defaults, baseUrl: base(server), ...options } as never) as never,
  idMethods: {
    get: { method: "GET", route: "/customers/{id}", call: (c, id, o) => c.customers.get(id, o) },
    update: {
      method: "PUT",
      route: "/customers/{id}",
      call: (c, id, o) => (c as any).customers.update(id, { first_name: "Jo" }, o),
    },
    delete: { method: "DELETE", route: "/customers/{id}", call: (c, id, o) => (c as any).customers.delete(id, o) },
    ban: { method: "PUT", route: "/customers/blacklist/{id}", call: (c, id, o) => (c as any).customers.ban(id, o) },
    unban: { method: "DELETE", route: "/customers/blacklist/{id}", call: (c, id, o) => (c as any).customers.unban(id, o) },
  },
  bodyMethods: [
    {
      name: "create",
      method: "POST",
      path: "/customers",
      call: (c, o) =>
        (c as any).customers.create({ first_name: "Jo", last_name: "Doe", mobile: "501234567", mobile_code_country: "+966" }, o),
    },
    {
      name: "update",
      method: "PUT",
      path: "/customers/1",
      call: (c, o) => (c as any).customers.update(1, { first_name: "Jo" }, o),
    },
  ],
  search: { param: "keyword", list: (c, text) => (c as any).customers.list({ keyword: text, maxItems: 1 }) },
};

const hamgam: VendorKit = {
  name: "hamgam",
  customerPath: (id) => `/api/customers/${id}`,
  listPath: "/api/customers",
  record: (n) => ({
    id: n,
    username: `user${n}`,
    first_name: "Customer",
    last_name: String(n),
    email: `c${n}@example.com`,
    mobile_number: "09121234567",
    date_joined: "2024-01-02T03:04:05Z",
  }),
  single: (record) => record,
  page: (records, p) => ({
    count: p.total,
    next: p.more ? `http://hamgam.test/api/customers?offset=${(p.index + 1) * p.pageSize}` : null,
    previous: null,
    results: records,
  }),
  pageIndex: (query, size) => Math.floor(Number(query.get("offset") ?? 0) / size),
  error: (_status, message) => ({ detail: message }),
  client: (server, options = {}) => createHamgamClient({ ...defaults, baseUrl: base(server), ...options } as never) as never,
  idMethods: {
    get: { method: "GET", route: "/api/customers/{id}", call: (c, id, o) => c.customers.get(id, o) },
    delete: { method: "DELETE", route: "/api/customers/{id}", call: (c, id, o) => (c as any).customers.delete(id, o) },
  },
  bodyMethods: [],
  search: { param: "search", list: (c, text) => (c as any).customers.list({ search: text, maxItems: 1 }) },
};

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const coax: VendorKit = {
  name: "coax",
  customerPath: (id) => `/api/v2/customers/${id}`,
  listPath: "/api/v2/customers",
  record: (n) => ({
    id: uuid(n),
    name: `Customer ${n}`,
    email: `c${n}@example.com`,
    phone: "0412 345 678",
    company_name: "Acme",
    address: "1 Main St, Sydney",
    created_at: "2024-01-02T03:04:05Z",
    updated_at: "2024-01-02T03:04:05Z",
  }),
  single: (record) => ({ success: true, message: "Customer fetched!", body: record }),
  page: (records, p) => ({
    success: true,
    message: "Customers fetched!",
    body: { customers: records, total: p.total, page: p.index + 1, page_size: p.pageSize },
  }),
  pageIndex: (query) => Number(query.get("page") ?? 1) - 1,
  error: (_status, message) => ({ success: false, message, body: null }),
  rateLimitBody: (seconds) => ({ success: false, message: "Too many requests.", body: { retry_after: seconds } }),
  client: (server, options = {}) => createCoaxClient({ ...defaults, baseUrl: base(server), ...options } as never) as never,
  idMethods: {
    get: { method: "GET", route: "/api/v2/customers/{id}", call: (c, id, o) => c.customers.get(id, o) },
    update: {
      method: "PUT",
      route: "/api/v2/customers/{id}",
      call: (c, id, o) => (c as any).customers.update(id, { name: "Jo" }, o),
    },
    delete: { method: "DELETE", route: "/api/v2/customers/{id}", call: (c, id, o) => (c as any).customers.delete(id, o) },
  },
  bodyMethods: [
    {
      name: "create",
      method: "POST",
      path: "/api/v2/customers",
      call: (c, o) => (c as any).customers.create({ name: "Jo Doe" }, o),
    },
    {
      name: "upsert",
      method: "POST",
      path: "/api/v2/customers/upsert",
      call: (c, o) => (c as any).customers.upsert({ email: "jo@example.com" }, o),
    },
    {
      name: "update",
      method: "PUT",
      path: `/api/v2/customers/${uuid(1)}`,
      call: (c, o) => (c as any).customers.update(uuid(1), { name: "Jo" }, o),
    },
  ],
  search: { param: "q", list: (c, text) => (c as any).customers.list({ q: text, maxItems: 1 }) },
};

export const vendors: readonly VendorKit[] = [homele, pexip, shtara, hamgam, coax];

/** The id that `record(n)` carries, as the normalized `Customer.id`. */
export const customerIdOf = (kit: VendorKit, n: number): string => String(kit.record(n).id);

/** A `Responder` that serves a listing: `pages[i]` records for page `i`, with the claimed total. */
export function servePages(
  kit: VendorKit,
  pageSize: number,
  pageFor: (index: number) => { records: RawRecord[]; total: number; more?: boolean },
) {
  return (request: { query: URLSearchParams }) => {
    const index = kit.pageIndex(request.query, pageSize);
    const { records, total, more } = pageFor(index);
    return {
      kind: "json" as const,
      status: 200,
      body: kit.page(records, { index, pageSize, total, more: more ?? (index + 1) * pageSize < total }),
    };
  };
}

/** Records `from` .. `from + count - 1`. */
export const recordsOf = (kit: VendorKit, from: number, count: number): RawRecord[] =>
  Array.from({ length: count }, (_, i) => kit.record(from + i));
