import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { testClient } from "../../test/test-client.js";
import { InvalidResponseError } from "../errors.js";
import { UserAbortError } from "../failure-errors.js";
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
    server = await startServer((req, res) =>
      json(res, 200, pages[new URL(req.url!, "http://x").searchParams.get("cursor") ?? ""]),
    );
    const api = testClient(server.url);
    const list = paginate({
      vendor: "acme",
      style: cursorPaging<CursorPage, { id: number }>({ items: (p) => p.data, nextCursor: (p) => p.next }),
      fetchPage: async ({ cursor }, call) =>
        api.unwrap(await api.client.GET("/items" as never, { params: { query: { cursor } }, ...call } as never)) as CursorPage,
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
    const withTotal = fake<{ offset: number; limit: number }>((s) => ({
      items: ids(s.offset, Math.min(2, 5 - s.offset)),
      total: 5,
    }));
    const all = [];
    for await (const x of paginate({
      vendor: "t",
      style: offsetPaging({ limit: 2, items: (p: any) => p.items, total: (p: any) => p.total }),
      fetchPage: withTotal.fetchPage,
      map: (i: any) => i.id,
    }))
      all.push(x);
    expect(all).toEqual([0, 1, 2, 3, 4]);
    expect(withTotal.calls.map((c) => c.offset)).toEqual([0, 2, 4]);

    const bare = fake<{ offset: number; limit: number }>((s) => ids(s.offset, s.offset < 4 ? 2 : 1));
    const got = [];
    for await (const x of paginate({
      vendor: "t",
      style: offsetPaging({ limit: 2, items: (p: any) => p }),
      fetchPage: bare.fetchPage,
      map: (i: any) => i.id,
    }))
      got.push(x);
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });

  it("page numbers stop at totalPages", async () => {
    const numbered = fake<{ page: number }>((s) => ({ data: ids(s.page * 10, 1), totalPages: 3 }));
    const got = [];
    for await (const x of paginate({
      vendor: "t",
      style: pageNumberPaging({ items: (p: any) => p.data, totalPages: (p: any) => p.totalPages }),
      fetchPage: numbered.fetchPage,
      map: (i: any) => i.id,
    }))
      got.push(x);
    expect(got).toEqual([10, 20, 30]);
  });

  it("maxItems stops without fetching a page it does not need", async () => {
    const endless = fake<{ page: number }>((s) => ({ data: ids(s.page * 10, 10) }));
    const got = [];
    for await (const x of paginate({
      vendor: "t",
      maxItems: 15,
      style: pageNumberPaging({ items: (p: any) => p.data }),
      fetchPage: endless.fetchPage,
      map: (i: any) => i.id,
    }))
      got.push(x);
    expect(got).toHaveLength(15);
    expect(endless.calls).toHaveLength(2);
  });

  it("a repeated cursor or a repeated page ends with InvalidResponseError, never a loop", async () => {
    const loop = fake<{ cursor?: string }>((s) => ({
      data: ids(s.cursor === "b" ? 3 : 1, 2),
      next: s.cursor === "b" ? "a" : s.cursor === "a" ? "b" : "a",
    }));
    const walk = paginate({
      vendor: "t",
      style: cursorPaging({ items: (p: any) => p.data, nextCursor: (p: any) => p.next }),
      fetchPage: loop.fetchPage,
      map: (i: any) => i.id,
    });
    await expect(
      (async () => {
        for await (const _ of walk);
      })(),
    ).rejects.toBeInstanceOf(InvalidResponseError);
    expect(loop.calls.length).toBeLessThanOrEqual(3);

    const stuck = fake<{ page: number }>(() => ({ data: ids(1, 2) }));
    const same = paginate({
      vendor: "t",
      style: pageNumberPaging({ items: (p: any) => p.data }),
      fetchPage: stuck.fetchPage,
      map: (i: any) => i.id,
      itemKey: (i: any) => i.id,
    });
    await expect(
      (async () => {
        for await (const _ of same);
      })(),
    ).rejects.toThrow("same page twice");
    expect(stuck.calls).toHaveLength(2);
  });

  it("a page without an array of records is InvalidResponseError", async () => {
    const broken = fake<{ page: number }>(() => ({ data: "nope" }));
    const list = paginate({
      vendor: "t",
      style: pageNumberPaging({ items: (p: any) => p.data }),
      fetchPage: broken.fetchPage,
      map: (i) => i,
    });
    await expect(list.pages()[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("an aborted signal ends the walk with UserAbortError, and aborts the page fetched ahead", async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const pages = fake<{ page: number }>((s) => ({ data: ids(s.page, 1) }));
    const fetchPage = (state: { page: number }, call: { signal: AbortSignal }) => {
      signals.push(call.signal);
      return pages.fetchPage(state);
    };
    const list = paginate({
      vendor: "t",
      signal: controller.signal,
      style: pageNumberPaging({ items: (p: any) => p.data }),
      fetchPage,
      map: (i: any) => i.id,
    });
    const seen: number[] = [];
    const walk = (async () => {
      for await (const x of list) {
        seen.push(x);
        if (seen.length === 2) controller.abort();
      }
    })();
    await expect(walk).rejects.toBeInstanceOf(UserAbortError);
    expect(seen).toEqual([1, 2]);
    // Page 3 was asked for while page 2 was consumed (one ahead, never two), and its request was aborted.
    expect(pages.calls).toHaveLength(3);
    expect(signals.at(-1)!.aborted).toBe(true);
  });
});

describe("prefetching", () => {
  /** Pages 1..n of two items each; every fetch and every consumed item is logged in order. */
  function logged(n: number, fetchPage?: (state: { page: number }, call: { signal: AbortSignal }) => Promise<unknown>) {
    const log: string[] = [];
    const list = paginate({
      vendor: "t",
      style: pageNumberPaging({ items: (p: any) => p.data, totalPages: () => n }),
      fetchPage:
        fetchPage ??
        (async ({ page }) => {
          log.push(`fetch ${page}`);
          return { data: ids(page * 10, 2) };
        }),
      map: (item: any) => {
        log.push(`map ${item.id}`);
        return item.id;
      },
    });
    return { log, list };
  }

  it("asks for the next page as soon as the current body names it, before normalizing the current one", async () => {
    const { log, list } = logged(3);
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual([10, 11, 20, 21, 30, 31]);
    expect(log).toEqual(["fetch 1", "fetch 2", "map 10", "map 11", "fetch 3", "map 20", "map 21", "map 30", "map 31"]);
  });

  it("stays one page ahead at most, however slowly pages are consumed", async () => {
    const { log, list } = logged(10);
    const pages = list.pages()[Symbol.asyncIterator]();
    await pages.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(log.filter((l) => l.startsWith("fetch"))).toEqual(["fetch 1", "fetch 2"]);
    await pages.return!(undefined);
  });

  it("a walk that ends early aborts its prefetch and waits for it: no orphan, no unhandled rejection", async () => {
    const settled: string[] = [];
    const { list } = logged(5, ({ page }, call) =>
      page === 1
        ? Promise.resolve({ data: ids(10, 2) })
        : new Promise((_resolve, reject) =>
            call.signal.addEventListener("abort", () => {
              settled.push(`page ${page} aborted`);
              reject(call.signal.reason);
            }),
          ),
    );
    for await (const id of list) {
      expect(id).toBe(10);
      break;
    }
    expect(settled).toEqual(["page 2 aborted"]);
  });

  it("one listener on the caller's signal for the whole walk, removed at the end", async () => {
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<AbortSignal["addEventListener"]>) => {
      listeners++;
      add(...args);
    }) as AbortSignal["addEventListener"];
    const removed: unknown[] = [];
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.removeEventListener = ((...args: Parameters<AbortSignal["removeEventListener"]>) => {
      removed.push(args[0]);
      remove(...args);
    }) as AbortSignal["removeEventListener"];
    const list = paginate({
      vendor: "t",
      signal: controller.signal,
      style: pageNumberPaging({ items: (p: any) => p.data, totalPages: () => 50 }),
      fetchPage: async ({ page }) => ({ data: ids(page, 1) }),
      map: (i: any) => i.id,
    });
    let n = 0;
    for await (const _ of list) n++;
    expect(n).toBe(50);
    expect(listeners).toBe(1);
    expect(removed).toEqual(["abort"]);
  });

  it("an abort between two records of a page already fetched stops at that record", async () => {
    const controller = new AbortController();
    const pages = fake<{ page: number }>((s) => ({ data: ids(s.page * 10, 5) }));
    const list = paginate({
      vendor: "t",
      signal: controller.signal,
      style: pageNumberPaging({ items: (p: any) => p.data }),
      fetchPage: pages.fetchPage,
      map: (i: any) => i.id,
    });
    const seen: number[] = [];
    const walk = (async () => {
      for await (const x of list) {
        seen.push(x);
        if (seen.length === 2) controller.abort();
      }
    })();
    await expect(walk).rejects.toBeInstanceOf(UserAbortError);
    expect(seen).toEqual([10, 11]);
  });
});
