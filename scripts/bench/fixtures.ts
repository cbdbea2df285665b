/**
 * What the bench's servers and stubs answer: records shaped as each vendor sends them, in each
 * vendor's own envelope, so the clients parse and normalize real bodies.
 */

/** A full Homele customer (about 0.5 KiB of JSON), as `GET /customers/{id}` returns it. */
export const homeleRecord = (id = 42) => ({
  id,
  sequential_number: 1000 + id,
  name: `Ahmed Ali ${id}`,
  first_name: "Ahmed",
  last_name: `Ali ${id}`,
  phone1: "+9647501234567",
  phone2: null,
  phone3: null,
  email1: `ahmed${id}@example.com`,
  address: "Erbil, 60m Street",
  budget: "150000.00",
  budget_currency: "USD",
  city: { id: 1, name: "Erbil" },
  country: { id: 1, name: "Iraq" },
  created_at: "2025-11-20T14:30:00+00:00",
  updated_at: "2026-02-15T09:45:00+00:00",
});

export const homeleCustomerBody = JSON.stringify({ success: true, data: homeleRecord() });

const pexipRecord = (n: number) => ({
  id: `c-${n}`,
  email: `jane${n}@example.com`,
  firstName: "Jane",
  lastName: `Doe ${n}`,
  company: "Acme",
  phoneNumber: "+32470123456",
  existing: true,
  timeZone: "Europe/Brussels",
  createdAt: "2022-08-17T19:05:21.362Z",
  updatedAt: "2022-08-17T19:05:21.362Z",
  deletedAt: null,
});

const coaxRecord = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name: `Jane Doe ${n}`,
  email: `jane${n}@example.com`,
  phone: "+61412345678",
  address: "1 George St, Sydney NSW 2000",
  company_name: "Acme",
  created_at: "2024-03-01T10:00:00Z",
  updated_at: "2024-03-02T10:00:00Z",
});

export type PagingStyle = "cursor" | "offset" | "page";

/** Which vendor stands for each paging style, its list path, and how a page is asked for. */
export const pagingVendors = {
  cursor: { vendor: "homele", path: "/customers" },
  offset: { vendor: "pexip", path: "/enterprises/acme/customers" },
  page: { vendor: "coax", path: "/api/v2/customers" },
} as const;

/** The page `index` (0-based) of `pages` pages of `size` records, in the vendor's envelope. */
export function pageBody(style: PagingStyle, index: number, pages: number, size: number): string {
  const ids = Array.from({ length: size }, (_, i) => index * size + i + 1);
  const last = index === pages - 1;
  switch (style) {
    case "cursor":
      return JSON.stringify({
        success: true,
        data: ids.map(homeleRecord),
        meta: { next_cursor: last ? null : `c${index + 1}`, has_more: !last },
      });
    case "offset":
      return JSON.stringify({
        data: ids.map(pexipRecord),
        meta: { offset: index * size, limit: size, totalCount: pages * size },
      });
    case "page":
      return JSON.stringify({
        success: true,
        message: "OK",
        body: { customers: ids.map(coaxRecord), page: index + 1, page_size: size, total: pages * size },
      });
  }
}

/** Which page (0-based) a list request asks for, from its query. */
export function pageIndex(style: PagingStyle, query: URLSearchParams, size: number): number {
  switch (style) {
    case "cursor":
      return Number(query.get("cursor")?.slice(1) ?? 0);
    case "offset":
      return Math.floor(Number(query.get("offset") ?? 0) / size);
    case "page":
      return Number(query.get("page") ?? 1) - 1;
  }
}

/** The next request of a hand-written loop, from the page it just read; `null` at the end. */
export function nextQuery(style: PagingStyle, body: any, index: number, size: number): string | null {
  switch (style) {
    case "cursor":
      return body.meta.has_more ? `per_page=${size}&cursor=${encodeURIComponent(body.meta.next_cursor)}` : null;
    case "offset": {
      const offset = (index + 1) * size;
      return offset < body.meta.totalCount ? `limit=${size}&offset=${offset}` : null;
    }
    case "page":
      return index + 1 < Math.ceil(body.body.total / body.body.page_size) ? `page_size=${size}&page=${index + 2}` : null;
  }
}

export const firstQuery = (style: PagingStyle, size: number): string =>
  style === "cursor" ? `per_page=${size}` : style === "offset" ? `limit=${size}&offset=0` : `page_size=${size}&page=1`;

export const itemsOf = (style: PagingStyle, body: any): unknown[] => (style === "page" ? body.body.customers : body.data);
