import { InvalidResponseError, UserAbortError } from "@customer-api/core";
import { describe, expect, it } from "vitest";
import { createPexipClient } from "../src/index.js";
import { customerBody } from "./fixtures.js";

/** A fetch serving `total` customers (ids 0..total-1) by offset and limit, like the Pagination page says. */
function pagedFetch(total: number, options: { withMeta?: boolean } = {}) {
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(new Request(input, init).url);
    requests.push(url);
    const offset = Number(url.searchParams.get("offset"));
    const limit = Number(url.searchParams.get("limit"));
    const data = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) data.push(customerBody(String(i)).data);
    const body = options.withMeta === false ? { data } : { data, meta: { offset, limit, totalCount: total } };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const client = (fetch: typeof globalThis.fetch) =>
  createPexipClient({ baseUrl: "https://pexip.test", token: "t", fetch, rateLimit: false });
const ids = async (list: AsyncIterable<{ id: string }>) => {
  const seen: string[] = [];
  for await (const c of list) seen.push(c.id);
  return seen;
};

describe("customers.list paging", () => {
  it("walks offset by offset and stops at meta.totalCount", async () => {
    const { fetch, requests } = pagedFetch(5);
    expect(await ids(client(fetch).customers.list({ pageSize: 2 }))).toEqual(["0", "1", "2", "3", "4"]);
    expect(requests.map((u) => [u.searchParams.get("offset"), u.searchParams.get("limit")])).toEqual([
      ["0", "2"],
      ["2", "2"],
      ["4", "2"],
    ]);
  });

  it("stops on a short page when meta is missing", async () => {
    const { fetch, requests } = pagedFetch(3, { withMeta: false });
    expect(await ids(client(fetch).customers.list({ pageSize: 2 }))).toEqual(["0", "1", "2"]);
    expect(requests).toHaveLength(2);
  });

  it("fetches no page beyond maxItems", async () => {
    const { fetch, requests } = pagedFetch(100);
    expect(await ids(client(fetch).customers.list({ pageSize: 10, maxItems: 15 }))).toHaveLength(15);
    expect(requests).toHaveLength(2);
  });

  it("sends the caller's correlation id with every page", async () => {
    const headers: (string | null)[] = [];
    const { fetch } = pagedFetch(4);
    const recording: typeof globalThis.fetch = (input, init) => {
      headers.push(new Request(input, init).headers.get("x-correlation-id"));
      return fetch(input, init);
    };
    await ids(client(recording).customers.list({ pageSize: 2, correlationId: "walk-1" }));
    expect(headers).toEqual(["walk-1", "walk-1"]);
  });

  it("ends with UserAbortError when the signal fires between pages", async () => {
    const { fetch } = pagedFetch(10);
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const c of client(fetch).customers.list({ pageSize: 2, signal: controller.signal })) {
        seen.push(c.id);
        if (seen.length === 2) controller.abort();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(UserAbortError);
    expect(seen).toEqual(["0", "1"]);
  });

  it("refuses a page without a data array", async () => {
    const fetch = (async () =>
      new Response(JSON.stringify({ meta: { offset: 0, limit: 25, totalCount: 3 } }), {
        status: 200,
        headers: { "content-type": "application/json" },
      })) as typeof globalThis.fetch;
    await expect(ids(client(fetch).customers.list())).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe("customers.list concurrency", () => {
  /** `pagedFetch` behind a few milliseconds of latency, counting the requests in flight at once. */
  function slowFetch(total: number) {
    const { fetch, requests } = pagedFetch(total);
    const seen = { inFlight: 0, maxInFlight: 0 };
    const slow: typeof globalThis.fetch = async (input, init) => {
      seen.maxInFlight = Math.max(seen.maxInFlight, ++seen.inFlight);
      try {
        await new Promise((r) => setTimeout(r, 3));
        return await fetch(input, init);
      } finally {
        seen.inFlight--;
      }
    };
    return { fetch: slow, requests, seen };
  }

  it("keeps Pexip's documented 4 concurrent requests in flight by default, records in order", async () => {
    const { fetch, seen } = slowFetch(60);
    expect(await ids(client(fetch).customers.list({ pageSize: 5 }))).toEqual(Array.from({ length: 60 }, (_, i) => String(i)));
    expect(seen.maxInFlight).toBe(4);
  });

  it("`concurrency: 1` walks one page at a time", async () => {
    const { fetch, seen } = slowFetch(30);
    expect(await ids(client(fetch).customers.list({ pageSize: 5, concurrency: 1 }))).toHaveLength(30);
    expect(seen.maxInFlight).toBe(1);
  });
});
