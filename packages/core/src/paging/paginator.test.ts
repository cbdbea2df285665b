import { afterEach, describe, expect, it } from "vitest";
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { testClient } from "../../test/test-client.js";
import { InvalidResponseError, UserAbortError } from "../errors.js";
import { paginate } from "./paginator.js";
import { cursorPaging, offsetPaging, pageNumberPaging } from "./styles.js";

let server: TestServer | undefined;
afterEach(async () => server?.close());

type CursorPage = { data: { id: number }[]; next: string | null };
const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i }));

describe("cursor paging against a real server", () => {
  it("walks three pages in order and stops when the cursor runs out", async () => {
    const pages: Record<string, CursorPage> = {
      "": { data: ids(1, 2), next: "c2" },
      c2: { data: ids(3, 2), next: "c3" },
      c3: { data: ids(5, 1), next: null },
    };
    server = await startServer((req, res) => json(res, 200, pages[new URL(req.url!, "http://x").searchParams.get("cursor") ?? ""]));
    const api = testClient(server.url);
    const list = paginate({
      vendor: "acme",
      style: cursorPaging<CursorPage, { id: number }>({ items: (p) => p.data, nextCursor: (p) => p.next }),
      fetchPage: async ({ cursor }, signal) =>
        api.unwrap(await api.client.GET("/items" as never, { params: { query: { cursor } }, signal } as never)) as CursorPage,
      map: (item) => `item-${item.id}`,
    });
    const seen: string[] = [];
    for await (const item of list) seen.push(item);
    expect(seen).toEqual(["item-1", "item-2", "item-3", "item-4", "item-5"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/items", "/items?cursor=c2", "/items?cursor=c3"]);
  });
});

/** An in-memory vendor: a list of pages keyed by the paging state. */
function fake<State>(answer: (state: State) => unknown) {
  const calls: State[] = [];
  return {
    calls,
    fetchPage: async (state: State) => {
      calls.push(state);
      return answer(state);
    },
  };
}

describe("paging styles", () => {
  it("offset/limit stops at totalCount, or on a short page when there is no total", async () => {
    const withTotal = fake<{ offset: number; limit: number }>((s) => ({ items: ids(s.offset, Math.min(2, 5 - s.offset)), total: 5 }));
    const all = [];
    for await (const x of paginate({ vendor: "t", style: offsetPaging({ limit: 2, items: (p: any) => p.items, total: (p: any) => p.total }), fetchPage: withTotal.fetchPage, map: (i: any) => i.id })) all.push(x);
    expect(all).toEqual([0, 1, 2, 3, 4]);
    expect(withTotal.calls.map((c) => c.offset)).toEqual([0, 2, 4]);

    const bare = fake<{ offset: number; limit: number }>((s) => ids(s.offset, s.offset < 4 ? 2 : 1));
    const got = [];
    for await (const x of paginate({ vendor: "t", style: offsetPaging({ limit: 2, items: (p: any) => p }), fetchPage: bare.fetchPage, map: (i: any) => i.id })) got.push(x);
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });

  it("page numbers stop at totalPages", async () => {
    const numbered = fake<{ page: number }>((s) => ({ data: ids(s.page * 10, 1), totalPages: 3 }));
    const got = [];
    for await (const x of paginate({ vendor: "t", style: pageNumberPaging({ items: (p: any) => p.data, totalPages: (p: any) => p.totalPages }), fetchPage: numbered.fetchPage, map: (i: any) => i.id })) got.push(x);
    expect(got).toEqual([10, 20, 30]);
  });

  it("maxItems stops without fetching a page it does not need", async () => {
    const endless = fake<{ page: number }>((s) => ({ data: ids(s.page * 10, 10) }));
    const got = [];
    for await (const x of paginate({ vendor: "t", maxItems: 15, style: pageNumberPaging({ items: (p: any) => p.data }), fetchPage: endless.fetchPage, map: (i: any) => i.id })) got.push(x);
    expect(got).toHaveLength(15);
    expect(endless.calls).toHaveLength(2);
  });

  it("a repeated cursor or a repeated page ends with InvalidResponseError, never a loop", async () => {
    const loop = fake<{ cursor?: string }>((s) => ({ data: ids(s.cursor === "b" ? 3 : 1, 2), next: s.cursor === "b" ? "a" : s.cursor === "a" ? "b" : "a" }));
    const walk = paginate({ vendor: "t", style: cursorPaging({ items: (p: any) => p.data, nextCursor: (p: any) => p.next }), fetchPage: loop.fetchPage, map: (i: any) => i.id });
    await expect((async () => { for await (const _ of walk); })()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(loop.calls.length).toBeLessThanOrEqual(3);

    const stuck = fake<{ page: number }>(() => ({ data: ids(1, 2) }));
    const same = paginate({ vendor: "t", style: pageNumberPaging({ items: (p: any) => p.data }), fetchPage: stuck.fetchPage, map: (i: any) => i.id, itemKey: (i: any) => i.id });
    await expect((async () => { for await (const _ of same); })()).rejects.toThrow("same page twice");
    expect(stuck.calls).toHaveLength(2);
  });

  it("a page without an array of records is InvalidResponseError", async () => {
    const broken = fake<{ page: number }>(() => ({ data: "nope" }));
    const list = paginate({ vendor: "t", style: pageNumberPaging({ items: (p: any) => p.data }), fetchPage: broken.fetchPage, map: (i) => i });
    await expect(list.pages()[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("an aborted signal ends the walk with UserAbortError before the next page", async () => {
    const controller = new AbortController();
    const pages = fake<{ page: number }>((s) => ({ data: ids(s.page, 1) }));
    const list = paginate({ vendor: "t", signal: controller.signal, style: pageNumberPaging({ items: (p: any) => p.data }), fetchPage: pages.fetchPage, map: (i: any) => i.id });
    const seen: number[] = [];
    const walk = (async () => {
      for await (const x of list) {
        seen.push(x);
        if (seen.length === 2) controller.abort();
      }
    })();
    await expect(walk).rejects.toBeInstanceOf(UserAbortError);
    expect(pages.calls).toHaveLength(2);
  });
});
