import type { CallOptions } from "../call-options.js";
import { UserAbortError } from "../errors.js";

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
  /**
   * Fetch one page. `call` carries the list's per-call options and a signal of the paginator's
   * own (it follows the caller's, and also ends a prefetch the caller no longer needs).
   */
  fetchPage(state: State, call: CallOptions & { signal: AbortSignal }): Promise<PageBody>;
  map(item: Item): T | Promise<T>;
  /** A stable key per item; two pages in a row with the same keys mean the server is looping. */
  itemKey?(item: Item): unknown;
  /** Safety net against a server that never says "last page" (default 100,000). */
  maxPages?: number;
}

type Walker = typeof import("./walk.js");
let walker: Promise<Walker> | undefined;
/** The walk itself loads on the first page, so an app that never lists never ships it. */
const loadWalker = () => (walker ??= import("./walk.js"));

/**
 * One iterator for every paging style. Fetches one page ahead: the next page's request starts
 * as soon as the current page's body says where it is, while the current page is normalized
 * and consumed. Stops at `maxItems`, on an empty page, on abort and on a server that repeats itself.
 */
export function paginate<State, PageBody, Item, T>(options: PaginatorOptions<State, PageBody, Item, T>): PagedList<T, PageBody> {
  async function* pages(): AsyncGenerator<Page<T, PageBody>> {
    const { walkPages } = await loadWalker();
    yield* walkPages(options);
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      const { signal, vendor } = options;
      for await (const page of pages()) {
        for (const item of page.items) {
          // The caller may abort between two records of a page already fetched: stop there.
          if (signal?.aborted) throw abortError(vendor, signal.reason);
          yield item;
        }
      }
    },
  };
}

/** The error a listing ends with when its caller aborts: the caller's own `UserAbortError`, or one made for its reason. */
export function abortError(vendor: string, reason: unknown): UserAbortError {
  return reason instanceof UserAbortError
    ? reason
    : new UserAbortError({ vendor, message: "Listing was aborted by the caller", cause: reason });
}
