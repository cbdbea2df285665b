import type { CallOptions } from "../call-options.js";
import { ConfigurationError } from "../errors.js";

/** How one paging style moves from page to page. `State` is what the next request needs. */
export interface PagingStyle<State, PageBody, Item> {
  /** The state for the first page (offset 0, page 1, no cursor). */
  first(): State;
  /** The items on a page. */
  items(page: PageBody): readonly Item[];
  /** The state for the next page, or `null` when this was the last. */
  next(page: PageBody, state: State, itemCount: number): State | null;
  /**
   * Where every page is, read from the first page (its state and item count): how many pages the
   * list has and the state of page `index` (0 = the first). Only styles whose pages can be asked
   * for out of order have it (offset, page number), and only a page that carries a total answers;
   * `undefined` means "walk one page after another".
   */
  layout?(first: PageBody, state: State, itemCount: number): PageLayout<State> | undefined;
}

/** The pages of a list whose size is known up front, so that several can be asked for at once. */
export interface PageLayout<State> {
  /** Pages in the list, the first included. */
  pages: number;
  /** The state that fetches page `index` (0-based; 0 is the page already read). */
  position(index: number): State;
}

/** One page of a listing, from {@link PagedList.pages}. */
export interface Page<T, PageBody = unknown> {
  /** The page's records, normalized. */
  items: T[];
  /** The vendor's page body as it came, for its totals, links or cursors. */
  raw: PageBody;
}

/** What a `list()` method takes: the per-call options, plus where to stop. */
export interface ListOptions extends CallOptions {
  /** Stop after this many items, fetching no page beyond the one that reaches it. */
  maxItems?: number;
  /**
   * Page requests kept in flight at once, a whole number >= 1 (default: the vendor's documented
   * concurrent-request limit, or 1). Every request still waits for the client's rate limiter, so
   * the vendor's limits hold. Records come in order whatever order pages arrive in, and at most
   * this many pages are held ahead of the one being read.
   *
   * Applies where pages can be asked for out of order: offset and page-number paging whose first
   * page gives a total. A cursor walk stays sequential (each page names the next), and so does a
   * list whose pages give no total; there the option is accepted and ignored, and the walk keeps
   * one page in flight ahead of the one being read.
   */
  concurrency?: number;
}

/** What `customers.list()` returns: iterate records lazily, or walk `.pages()`. */
export interface PagedList<T, PageBody = unknown> extends AsyncIterable<T> {
  /**
   * The same listing page by page, each page's records with the vendor's body (totals, links).
   * Every call starts a new walk from the first page.
   *
   * @example
   * ```ts
   * for await (const page of client.customers.list().pages()) {
   *   console.log(page.items.length, page.raw);
   * }
   * ```
   */
  pages(): AsyncIterable<Page<T, PageBody>>;
}

/** What {@link paginate} needs from a vendor package: how it pages, how it fetches, how it maps. */
export interface PaginatorOptions<State, PageBody, Item, T> extends ListOptions {
  /** Carried on the errors paging throws. */
  vendor: string;
  /** How the vendor pages: `cursorPaging`, `offsetPaging`, `pageNumberPaging` or one of its own. */
  style: PagingStyle<State, PageBody, Item>;
  /**
   * Fetch one page. `call` carries the list's per-call options and a signal of the paginator's
   * own (it follows the caller's, and also ends a prefetch the caller no longer needs).
   */
  fetchPage(state: State, call: CallOptions & { signal: AbortSignal }): Promise<PageBody>;
  /** One raw item as the record the listing yields (a vendor's normalizer, or identity). */
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
 * One iterator for every paging style. Fetches ahead: the next page's request starts as soon as
 * the current page's body says where it is, while the current page is normalized and consumed;
 * with `concurrency` above 1 and a layout the style can read off the first page, up to that many
 * pages are in flight at once. Stops at `maxItems`, on an empty page, on abort and on a server
 * that repeats itself.
 *
 * Nothing is fetched until the list is iterated. A page without an array of records, a server that
 * repeats a page or a position, and more than `maxPages` pages throw `InvalidResponseError`; the
 * caller's signal throws `UserAbortError`; a failed page request throws its `ApiError`.
 *
 * @example
 * ```ts
 * list(options: ListOptions = {}) {
 *   return paginate({
 *     ...options,
 *     vendor: "acme",
 *     style: offsetPaging({ limit: 100, items: (page) => page.data, total: (page) => page.total }),
 *     fetchPage: ({ offset, limit }, call) =>
 *       api.client.GET("/customers", { params: { query: { offset, limit } }, ...call }).then(api.unwrap),
 *     map: normalizeAcmeCustomer,
 *   });
 * }
 * ```
 */
export function paginate<State, PageBody, Item, T>(options: PaginatorOptions<State, PageBody, Item, T>): PagedList<T, PageBody> {
  const { concurrency } = options;
  // A setting that cannot work fails where it is given, not on the first page. The test is written
  // out rather than shared with start-up code: a module both share becomes a chunk file of its own
  // in an app's bundle, which costs more than these few bytes.
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new ConfigurationError({ vendor: options.vendor, message: "`concurrency` must be a whole number >= 1" });
  }
  return {
    async *pages() {
      yield* (await loadWalker()).walkPages(options);
    },
    async *[Symbol.asyncIterator]() {
      yield* (await loadWalker()).walkItems(options);
    },
  };
}
