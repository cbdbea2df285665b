import type { CallOptions } from "../call-options.js";
import { InvalidResponseError, UserAbortError } from "../errors.js";

/** How one paging style moves from page to page. `State` is what the next request needs. */
export interface PagingStyle<State, PageBody, Item> {
  first(): State;
  /** The items on a page. */
  items(page: PageBody): readonly Item[];
  /** The state for the next page, or `null` when this was the last. */
  next(page: PageBody, state: State, itemCount: number): State | null;
}

export interface Page<T, PageBody = unknown> {
  /** The page's records, normalized. */
  items: T[];
  /** The vendor's page body as it came, for its totals, links or cursors. */
  raw: PageBody;
}

export interface ListOptions extends CallOptions {
  /** Stop after this many items, fetching no page beyond the one that reaches it. */
  maxItems?: number;
}

/** What `customers.list()` returns: iterate records lazily, or walk `.pages()`. */
export interface PagedList<T, PageBody = unknown> extends AsyncIterable<T> {
  pages(): AsyncIterable<Page<T, PageBody>>;
}

export interface PaginatorOptions<State, PageBody, Item, T> extends ListOptions {
  vendor: string;
  style: PagingStyle<State, PageBody, Item>;
  fetchPage(state: State, signal: AbortSignal | undefined): Promise<PageBody>;
  map(item: Item): T | Promise<T>;
  /** A stable key per item; two pages in a row with the same keys mean the server is looping. */
  itemKey?(item: Item): unknown;
  /** Safety net against a server that never says "last page" (default 100,000). */
  maxPages?: number;
}

/**
 * One iterator for every paging style. Holds one page at a time, so memory stays flat; stops
 * at `maxItems`, on an empty page, and on a server that repeats itself.
 */
export function paginate<State, PageBody, Item, T>(options: PaginatorOptions<State, PageBody, Item, T>): PagedList<T, PageBody> {
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const maxPages = options.maxPages ?? 100_000;
  const { vendor, style, signal } = options;

  async function* pages(): AsyncGenerator<Page<T, PageBody>> {
    let state: State | null = style.first();
    let yielded = 0;
    let previousKeys: string | undefined;
    const seenStates = new RecentSet(64);
    for (let pageNumber = 1; state !== null && yielded < maxItems; pageNumber++) {
      if (signal?.aborted) throw abortError(vendor, signal.reason);
      if (pageNumber > maxPages) {
        throw new InvalidResponseError({ vendor, message: `Paging stopped after ${maxPages} pages without an end` });
      }
      const stateKey = JSON.stringify(state);
      if (seenStates.has(stateKey)) {
        throw new InvalidResponseError({ vendor, message: `The server sent the same page position twice (${stateKey})` });
      }
      seenStates.add(stateKey);

      const body = await options.fetchPage(state, signal);
      const items = style.items(body);
      if (!Array.isArray(items)) {
        throw new InvalidResponseError({ vendor, message: "A list page has no array of records", body });
      }
      if (items.length === 0) return;
      if (options.itemKey) {
        const keys = JSON.stringify(items.map(options.itemKey));
        if (keys === previousKeys) {
          throw new InvalidResponseError({ vendor, message: "The server returned the same page twice" });
        }
        previousKeys = keys;
      }
      const take = items.slice(0, Math.max(0, maxItems - yielded));
      yielded += take.length;
      yield { items: await Promise.all(take.map((item) => options.map(item))), raw: body };
      state = style.next(body, state, items.length);
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
  };
}

function abortError(vendor: string, reason: unknown) {
  return reason instanceof UserAbortError
    ? reason
    : new UserAbortError({ vendor, message: "Listing was aborted by the caller", cause: reason });
}

/** Remembers the last `size` keys: enough to catch a looping cursor without growing with the list. */
class RecentSet {
  private readonly keys: string[] = [];
  private readonly set = new Set<string>();
  constructor(private readonly size: number) {}
  has(key: string) {
    return this.set.has(key);
  }
  add(key: string) {
    this.keys.push(key);
    this.set.add(key);
    if (this.keys.length > this.size) this.set.delete(this.keys.shift()!);
  }
}
