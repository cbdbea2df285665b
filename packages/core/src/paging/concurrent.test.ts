/**
 * `concurrency` against a real server on 127.0.0.1: what the server sees in flight, what order
 * records come in when pages arrive out of order, how far the walk reads ahead, and how it stops.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { testClient } from "../../test/test-client.js";
import { ConfigurationError, InvalidResponseError } from "../errors.js";
import { InternalServerError, UserAbortError } from "../failure-errors.js";
import { RateLimiter } from "../transport/rate-limiter.js";
import { paginate } from "./paginator.js";
import { cursorPaging, offsetPaging, pageNumberPaging } from "./styles.js";

/**
 * How the server answers one page: `delayMs` after `after` settles, or never (`hang`, until the
 * client gives up), with `status` and `body`.
 */
type Answer = { delayMs?: number; after?: Promise<unknown>; hang?: boolean; status?: number; body?: unknown };

interface PageServer {
  url: string;
  /** Page requests in arrival order, by their query string. */
  asked: string[];
  /** Query strings in the order the server finished answering them. */
  answered: string[];
  /** Requests the client abandoned before the answer was sent. */
  aborted: string[];
  inFlight: number;
  maxInFlight: number;
  close(): Promise<void>;
}

let server: PageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function pageServer(answer: (query: URLSearchParams) => Answer): Promise<PageServer> {
  const state = { asked: [] as string[], answered: [] as string[], aborted: [] as string[], inFlight: 0, maxInFlight: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const http = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url!, "http://x");
    const query = url.searchParams.toString();
    state.asked.push(query);
    state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight);
    res.on("close", () => {
      state.inFlight--;
      if (!res.writableFinished) state.aborted.push(query);
    });
    const { delayMs = 0, after, hang, status = 200, body } = answer(url.searchParams);
    if (hang) return;
    void Promise.resolve(after).then(() => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (res.destroyed) return;
        state.answered.push(query);
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body ?? {}));
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    get asked() {
      return state.asked;
    },
    get answered() {
      return state.answered;
    },
    get aborted() {
      return state.aborted;
    },
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/**
 * Opens once the server has been asked for every one of `keys`: answers held on it prove those
 * requests were in flight together, however slowly a loaded machine sends them.
 */
function together<K>(keys: readonly K[]) {
  const seen = new Set<K>();
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return {
    all,
    arrived(key: K) {
      seen.add(key);
      if (keys.every((k) => seen.has(k))) open();
    },
  };
}

const PER_PAGE = 2;
const idsOf = (page: number) => Array.from({ length: PER_PAGE }, (_, i) => page * 10 + i);
/** A page-number body: page `n` holds ids n*10, n*10+1. */
const numbered = (page: number, totalPages: number | undefined) => ({ data: idsOf(page).map((id) => ({ id })), totalPages });

/** A page-number list over the server, through a real client; `fetched` counts fetchPage calls that have settled. */
function numberedList(
  url: string,
  options: { concurrency?: number; maxItems?: number; signal?: AbortSignal; maxPages?: number; rateLimit?: RateLimiter } = {},
) {
  const api = testClient(url, { maxRetries: 0, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) });
  const settled = { started: 0, settled: 0 };
  const list = paginate({
    vendor: "acme",
    concurrency: options.concurrency,
    maxItems: options.maxItems,
    maxPages: options.maxPages,
    signal: options.signal,
    style: pageNumberPaging({ items: (p: any) => p.data, totalPages: (p: any) => p.totalPages }),
    fetchPage: async ({ page }, call) => {
      settled.started++;
      try {
        return api.unwrap(await api.client.GET("/items" as never, { params: { query: { page } }, ...call } as never));
      } finally {
        settled.settled++;
      }
    },
    map: (item: any) => item.id as number,
    itemKey: (item: any) => item.id,
  });
  return { list, settled };
}

const pageOf = (query: string) => Number(new URLSearchParams(query).get("page"));
const allIds = (pages: number) => Array.from({ length: pages }, (_, i) => idsOf(i + 1)).flat();

describe("concurrent paging (page numbers with a total)", () => {
  it("keeps up to `concurrency` requests in flight at the server, never more, and yields every record in order", async () => {
    // Random latencies, so that pages finish out of order; pages 2..4 wait until all three are asked for.
    const first = together([2, 3, 4]);
    server = await pageServer((q) => {
      const page = Number(q.get("page"));
      first.arrived(page);
      return {
        after: page > 1 && page <= 4 ? first.all : undefined,
        delayMs: 1 + Math.floor(Math.random() * 12),
        body: numbered(page, 30),
      };
    });
    const { list } = numberedList(server.url, { concurrency: 3 });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual(allIds(30));
    // Pages asked for at once may reach the server in any order; each is asked for once.
    expect(server.asked.map(pageOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(server.maxInFlight).toBe(3);
  });

  it("every page still waits for the client's limiter: a limiter of 2 in flight caps a walk of 4", async () => {
    const first = together([2, 3]);
    server = await pageServer((q) => {
      const page = Number(q.get("page"));
      first.arrived(page);
      return { after: page > 1 && page <= 3 ? first.all : undefined, delayMs: 5, body: numbered(page, 12) };
    });
    const { list } = numberedList(server.url, {
      concurrency: 4,
      rateLimit: new RateLimiter({ limit: 1000, intervalMs: 1000, concurrency: 2 }),
    });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual(allIds(12));
    expect(server.maxInFlight).toBe(2);
  });

  it("records come in page order when later pages are answered first", async () => {
    // Pages 2..6 are in flight at once; then page 6 is answered first, page 2 last.
    const rest = together([2, 3, 4, 5, 6]);
    server = await pageServer((q) => {
      const page = Number(q.get("page"));
      rest.arrived(page);
      return page === 1 ? { body: numbered(1, 6) } : { after: rest.all, delayMs: (7 - page) * 15, body: numbered(page, 6) };
    });
    const { list } = numberedList(server.url, { concurrency: 5 });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual(allIds(6));
    expect(server.answered.map(pageOf)).toEqual([1, 6, 5, 4, 3, 2]);
  });

  it("holds at most `concurrency` pages ahead of the one being read, however slowly it is read", async () => {
    server = await pageServer((q) => ({ body: numbered(Number(q.get("page")), 20) }));
    const { list } = numberedList(server.url, { concurrency: 3 });
    const pages = list.pages()[Symbol.asyncIterator]();
    for (let read = 1; read <= 4; read++) {
      await pages.next();
      // Every request the walk started is answered and held, and no more are started meanwhile.
      await vi.waitFor(() => expect([server!.asked.length, server!.inFlight]).toEqual([read + 3, 0]), { timeout: 2000 });
      await new Promise((r) => setTimeout(r, 30));
      expect(server.asked).toHaveLength(read + 3);
    }
    await pages.return!(undefined);
  });

  it("maxItems asks for no page beyond what it needs", async () => {
    server = await pageServer((q) => ({ delayMs: 2, body: numbered(Number(q.get("page")), 50) }));
    const { list } = numberedList(server.url, { concurrency: 4, maxItems: 7 });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual(allIds(4).slice(0, 7));
    expect(server.asked.map(pageOf)).toEqual([1, 2, 3, 4]);
    expect(server.aborted).toEqual([]);
  });

  it("maxItems reached early aborts the requests it no longer needs, and waits for them", async () => {
    // Page 1 is short (1 record), so the walk expects 1 per page; page 2 brings 5 and reaches maxItems.
    server = await pageServer((q) => {
      const page = Number(q.get("page"));
      if (page === 1) return { body: { data: [{ id: 10 }], totalPages: 9 } };
      if (page === 2) return { delayMs: 5, body: { data: [20, 21, 22, 23, 24].map((id) => ({ id })), totalPages: 9 } };
      return { hang: true };
    });
    const { list, settled } = numberedList(server.url, { concurrency: 4, maxItems: 4 });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual([10, 20, 21, 22]);
    // Page 1 said 1 record a page: pages 2..4 went out to reach 4 records; 3 and 4 were surplus,
    // and every request had settled when the loop ended.
    expect(settled).toEqual({ started: 4, settled: 4 });
    // Whatever of pages 3 and 4 reached the server was abandoned there, and nothing stays open.
    await vi.waitFor(() => expect(server!.inFlight).toBe(0), { timeout: 2000 });
    expect(
      server.asked
        .map(pageOf)
        .filter((p) => p > 2)
        .sort(),
    ).toEqual(server.aborted.map(pageOf).sort());
    expect(Math.max(...server.asked.map(pageOf))).toBeLessThanOrEqual(4);
  });

  it("a `break` aborts every page in flight before the loop exits: no orphan, no unhandled rejection", async () => {
    server = await pageServer((q) => (q.get("page") === "1" ? { body: numbered(1, 10) } : { hang: true }));
    const { list, settled } = numberedList(server.url, { concurrency: 4 });
    for await (const id of list) {
      expect(id).toBe(10);
      await vi.waitFor(() => expect(server!.inFlight).toBe(4), { timeout: 2000 });
      break;
    }
    expect(settled).toEqual({ started: 5, settled: 5 });
    await vi.waitFor(() => expect(server!.aborted.map(pageOf).sort()).toEqual([2, 3, 4, 5]), { timeout: 2000 });
  });

  it("the caller's abort mid-walk aborts every request in flight and ends with UserAbortError", async () => {
    server = await pageServer((q) => {
      const page = Number(q.get("page"));
      return page <= 2 ? { body: numbered(page, 10) } : { hang: true };
    });
    const controller = new AbortController();
    const { list, settled } = numberedList(server.url, { concurrency: 3, signal: controller.signal });
    const seen: number[] = [];
    const walk = (async () => {
      for await (const id of list) {
        seen.push(id);
        if (id === 20) {
          await vi.waitFor(() => expect(server!.inFlight).toBe(3), { timeout: 2000 });
          controller.abort();
        }
      }
    })();
    await expect(walk).rejects.toBeInstanceOf(UserAbortError);
    // Page 2 was already in hand when the abort came, but the listing stops at the abort: not even
    // the rest of that page is handed out.
    expect(seen).toEqual([10, 11, 20]);
    expect(settled.settled).toBe(settled.started);
    await vi.waitFor(() => expect(server!.aborted.map(pageOf).sort()).toEqual([3, 4, 5]), { timeout: 2000 });
  });

  it("an error mid-walk is thrown after the pages before it; the pages after it are aborted", async () => {
    const out = together([2, 3, 4, 5]);
    server = await pageServer((q) => {
      const page = Number(q.get("page"));
      out.arrived(page);
      if (page === 1) return { body: numbered(1, 10) };
      // Page 2 answers last of pages 2..5, page 3 fails at once: the failure must wait for page 2's records.
      if (page === 2) return { after: out.all, delayMs: 20, body: numbered(2, 10) };
      if (page === 3) return { status: 500, body: { message: "boom" } };
      return { hang: true };
    });
    const { list, settled } = numberedList(server.url, { concurrency: 4 });
    const seen: number[] = [];
    const walk = (async () => {
      for await (const id of list) seen.push(id);
    })();
    await expect(walk).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toEqual(allIds(2));
    // Pages 2..5 went out after page 1, page 6 when page 2 came; all settled before the throw.
    expect(settled).toEqual({ started: 6, settled: 6 });
    await vi.waitFor(() => expect(server!.inFlight).toBe(0), { timeout: 2000 });
    // Pages 4 and 5 were held by the server until the walk gave them up (page 6 may not have reached it).
    expect(server.aborted.map(pageOf).sort()).toEqual(
      server.asked
        .map(pageOf)
        .filter((p) => p > 3)
        .sort(),
    );
    expect(server.aborted.map(pageOf)).toEqual(expect.arrayContaining([4, 5]));
    expect(server.answered.map(pageOf)).toEqual([1, 3, 2]);
  });

  it("maxPages still applies: the pages before it are yielded, then InvalidResponseError", async () => {
    server = await pageServer((q) => ({ body: numbered(Number(q.get("page")), 10) }));
    const { list } = numberedList(server.url, { concurrency: 4, maxPages: 3 });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const id of list) seen.push(id);
      })(),
    ).rejects.toThrow("after 3 pages");
    expect(seen).toEqual(allIds(3));
  });

  it("the same page twice is still caught", async () => {
    server = await pageServer(() => ({ body: numbered(1, 5) }));
    const { list } = numberedList(server.url, { concurrency: 4 });
    await expect(
      (async () => {
        for await (const _ of list);
      })(),
    ).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("without a total the walk is sequential: one request in flight at a time", async () => {
    server = await pageServer((q) => {
      const page = Number(q.get("page"));
      return { delayMs: 3, body: page <= 6 ? numbered(page, undefined) : { data: [] } };
    });
    const { list } = numberedList(server.url, { concurrency: 4 });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual(allIds(6));
    expect(server.maxInFlight).toBe(1);
  });
});

describe("concurrent paging (offset with a total)", () => {
  it("asks every page for the size the server really pages by, so a capped `limit` neither skips nor repeats", async () => {
    const total = 23;
    // Asked for 10 a page, the server gives at most 4. The three pages after the first wait for each other.
    const first = together([4, 8, 12]);
    server = await pageServer((q) => {
      const offset = Number(q.get("offset"));
      first.arrived(offset);
      const limit = Math.min(4, Number(q.get("limit")));
      const data = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ id: offset + i }));
      return {
        after: offset > 0 && offset <= 12 ? first.all : undefined,
        delayMs: 1 + Math.floor(Math.random() * 8),
        body: { data, total },
      };
    });
    const api = testClient(server.url, { maxRetries: 0 });
    const list = paginate({
      vendor: "acme",
      concurrency: 3,
      style: offsetPaging({ limit: 10, items: (p: any) => p.data, total: (p: any) => p.total }),
      fetchPage: async ({ offset, limit }, call) =>
        api.unwrap(await api.client.GET("/items" as never, { params: { query: { offset, limit } }, ...call } as never)),
      map: (item: any) => item.id as number,
    });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
    expect(server.asked).toEqual(["offset=0&limit=10", ...[4, 8, 12, 16, 20].map((o) => `offset=${o}&limit=4`)]);
    expect(server.maxInFlight).toBe(3);
  });
});

describe("cursor paging ignores `concurrency`", () => {
  it("stays sequential: each page names the next, so one request is in flight at a time", async () => {
    server = await pageServer((q) => {
      const at = Number(q.get("cursor") ?? 0);
      return { delayMs: 3, body: { data: [{ id: at }], next: at < 5 ? String(at + 1) : null } };
    });
    const api = testClient(server.url, { maxRetries: 0 });
    const list = paginate({
      vendor: "acme",
      concurrency: 4,
      style: cursorPaging({ items: (p: any) => p.data, nextCursor: (p: any) => p.next }),
      fetchPage: async ({ cursor }, call) =>
        api.unwrap(await api.client.GET("/items" as never, { params: { query: { cursor } }, ...call } as never)),
      map: (item: any) => item.id as number,
    });
    const seen: number[] = [];
    for await (const id of list) seen.push(id);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(server.maxInFlight).toBe(1);
  });
});

describe("the `concurrency` option", () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "4" as unknown as number])(
    "refuses %s with ConfigurationError when the list is made",
    (concurrency) => {
      const make = () =>
        paginate({
          vendor: "acme",
          concurrency,
          style: pageNumberPaging({ items: (p: any) => p.data }),
          fetchPage: async () => ({ data: [] }),
          map: (i) => i,
        });
      expect(make).toThrow(ConfigurationError);
      expect(make).toThrow("`concurrency` must be a whole number >= 1");
    },
  );
});
