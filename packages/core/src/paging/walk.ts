import type { CallOptions } from "../call-options.js";
import { InvalidResponseError } from "../errors.js";
import { UserAbortError } from "../failure-errors.js";
import { scrubFacts } from "../transport/redact.js";
import { onAbort } from "../transport/signals.js";
import type { Page, PageLayout, PaginatorOptions } from "./paginator.js";

/** The records of every page, in order: what iterating a `PagedList` yields. */
export async function* walkItems<State, PageBody, Item, T>(
  options: PaginatorOptions<State, PageBody, Item, T>,
): AsyncGenerator<T> {
  const { signal, vendor } = options;
  for await (const page of walkPages(options)) {
    for (const item of page.items) {
      // The caller may abort between two records of a page already fetched: stop there.
      if (signal?.aborted) throw abortError(vendor, signal.reason);
      yield item;
    }
  }
}

/** The error a listing ends with when its caller aborts: the caller's own `UserAbortError`, or one made for its reason. */
function abortError(vendor: string, reason: unknown): UserAbortError {
  return reason instanceof UserAbortError
    ? reason
    : new UserAbortError({ vendor, message: "Listing was aborted by the caller", cause: reason });
}

/**
 * The walk behind `paginate`. Pages are asked for ahead of the one being consumed and handed out
 * strictly in order: one ahead when each page names the next (a cursor, or no total), up to
 * `concurrency` ahead when the style can lay the whole list out from the first page. A walk that
 * ends early (a `break`, `maxItems`, an error, an abort) aborts every request still in flight and
 * waits for them, so no request outlives the walk and no rejection goes unhandled.
 */
export async function* walkPages<State, PageBody, Item, T>(
  options: PaginatorOptions<State, PageBody, Item, T>,
): AsyncGenerator<Page<T, PageBody>> {
  const { vendor, style, signal: caller } = options;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const maxPages = options.maxPages ?? 100_000;
  const concurrency = options.concurrency ?? 1;
  if (caller?.aborted) throw abortError(vendor, caller.reason);
  // One signal for every page of the walk: one listener on the caller's signal, not one per page.
  const controller = new AbortController();
  const unsubscribe = caller && onAbort(caller, () => controller.abort(caller.reason));
  const call: CallOptions & { signal: AbortSignal } = {
    signal: controller.signal,
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs,
    headers: options.headers,
  };
  const seenStates = new RecentSet(64);
  let requested = 0;
  /** Requests in flight or answered but not yet consumed, oldest first: never more than `concurrency`. */
  const ahead: { state: State; body: Promise<PageBody> }[] = [];
  const request = (state: State) => {
    let body: Promise<PageBody>;
    const stateKey = JSON.stringify(state);
    if (++requested > maxPages) {
      body = Promise.reject(
        new InvalidResponseError({ vendor, message: `Paging stopped after ${maxPages} pages without an end` }),
      );
    } else if (seenStates.has(stateKey)) {
      // The position came from the server, which may have echoed a credential into it.
      body = Promise.reject(
        new InvalidResponseError(scrubFacts({ vendor, message: `The server sent the same page position twice (${stateKey})` })),
      );
    } else {
      seenStates.add(stateKey);
      body = options.fetchPage(state, call);
    }
    // Awaited below when its turn comes; a page the walk abandons must not reject unhandled.
    body.catch(() => {});
    ahead.push({ state, body });
  };

  if (maxItems > 0) request(style.first());
  let layout: PageLayout<State> | undefined;
  let nextIndex = 1;
  let stride = 0;
  let yielded = 0;
  let previousKeys: string | undefined;
  try {
    // Pages still in flight once `maxItems` is reached are not needed: `finally` aborts them.
    for (let first = true; ahead.length > 0 && yielded < maxItems; first = false) {
      const { state, body: pending } = ahead[0]!;
      let body: PageBody;
      try {
        body = await pending;
      } finally {
        ahead.shift();
      }
      if (caller?.aborted) throw abortError(vendor, caller.reason);
      const items = style.items(body);
      if (!Array.isArray(items)) {
        throw new InvalidResponseError(scrubFacts({ vendor, message: "A list page has no array of records", body }));
      }
      if (items.length === 0) return;
      if (options.itemKey) {
        const keys = JSON.stringify(items.map(options.itemKey));
        if (keys === previousKeys) throw new InvalidResponseError({ vendor, message: "The server returned the same page twice" });
        previousKeys = keys;
      }
      // A page that says it is the last ends the walk, whatever the first page announced: a list
      // can shrink while it is walked, and the pages asked for beyond its new end are not needed.
      const endsHere = layout !== undefined && style.next(body, state, items.length) === null;
      if (endsHere) layout = undefined;
      const take = items.slice(0, Math.max(0, maxItems - yielded));
      yielded += take.length;
      if (first && concurrency > 1) {
        layout = style.layout?.(body, state, items.length);
        stride = items.length;
      }
      // Ask for the next pages now, before this one is normalized.
      const queued = ahead.length;
      if (layout) {
        // As many as `maxItems` can still use, counting each page in flight as a full one.
        while (ahead.length < concurrency && nextIndex < layout.pages && yielded + ahead.length * stride < maxItems) {
          request(layout.position(nextIndex++));
        }
        // Past the pages the first one announced, the list may have grown: carry on one by one.
        if (ahead.length === 0 && nextIndex >= layout.pages) layout = undefined;
      }
      if (!layout && ahead.length === 0 && yielded < maxItems) {
        const next = style.next(body, state, items.length);
        if (next !== null) request(next);
      }
      if (ahead.length > queued) {
        // A request reaches `fetch` only after a few awaits (a limiter slot, a token), and a
        // normalizer's synchronous work would run first: let the requests out before normalizing.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      yield { items: await Promise.all(take.map((item) => options.map(item))), raw: body };
      if (endsHere) return;
    }
  } catch (error) {
    throw caller?.aborted && !(error instanceof UserAbortError) ? abortError(vendor, caller.reason) : error;
  } finally {
    if (ahead.length > 0) {
      controller.abort(new UserAbortError({ vendor, message: "The listing ended before this page was needed" }));
      await Promise.allSettled(ahead.map((page) => page.body));
    }
    unsubscribe?.();
  }
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
