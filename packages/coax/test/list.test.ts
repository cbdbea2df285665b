// core's own scripted HTTP server on 127.0.0.1 (test-only; not part of core's package).
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createCoaxClient } from "../src/index.js";
import { customerId, envelope, LOCATION } from "./fixtures.js";

const ALL = Array.from({ length: 5 }, (_, i) => ({ id: customerId(i + 1), name: `Customer ${i + 1}` }));

let server: TestServer;
afterEach(() => server?.close());

/** Serves ALL in pages of `page_size` (or `defaultSize`), with or without the paging fields. */
async function serve(options: { withTotals: boolean; defaultSize?: number }) {
  server = await startServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    const page = Number(query.get("page"));
    const size = Number(query.get("page_size") ?? options.defaultSize);
    const customers = ALL.slice((page - 1) * size, page * size);
    const body = options.withTotals ? { customers, page, page_size: size, total: ALL.length } : { customers };
    json(res, 200, envelope("Customers fetched!", body));
  });
  return createCoaxClient({ token: "coax-key", baseUrl: server.url, rateLimit: false, locationId: LOCATION });
}

const ids = async (list: AsyncIterable<{ id: string }>) => {
  const seen: string[] = [];
  for await (const c of list) seen.push(c.id);
  return seen;
};
const queries = () => server.requests.map((r) => Object.fromEntries(new URL(r.url, "http://localhost").searchParams));

describe("customers.list: page-number paging", () => {
  it("walks page 1, 2, 3 and stops where total says, sending page_size, q and location_id", async () => {
    const coax = await serve({ withTotals: true });
    expect(await ids(coax.customers.list({ pageSize: 2, q: "cust" }))).toEqual(ALL.map((c) => c.id));
    expect(queries()).toEqual(
      [1, 2, 3].map((page) => ({ page: String(page), page_size: "2", q: "cust", location_id: LOCATION })),
    );
  });

  it("without total, stops on a page shorter than pageSize", async () => {
    const coax = await serve({ withTotals: false });
    expect(await ids(coax.customers.list({ pageSize: 2 }))).toHaveLength(5);
    expect(queries().map((q) => q.page)).toEqual(["1", "2", "3"]);
  });

  it("without total or pageSize, stops on the first empty page", async () => {
    const coax = await serve({ withTotals: false, defaultSize: 2 });
    expect(await ids(coax.customers.list())).toHaveLength(5);
    expect(queries().map((q) => q.page)).toEqual(["1", "2", "3", "4"]);
    expect(queries()[0]).not.toHaveProperty("page_size");
  });

  it("fetches no page beyond the one that reaches maxItems", async () => {
    const coax = await serve({ withTotals: true });
    expect(await ids(coax.customers.list({ pageSize: 2, maxItems: 3 }))).toEqual(ALL.slice(0, 3).map((c) => c.id));
    expect(server.requests).toHaveLength(2);
  });
});
