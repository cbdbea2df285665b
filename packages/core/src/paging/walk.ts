import type { CallOptions } from "../call-options.js";
import { InvalidResponseError, UserAbortError } from "../errors.js";
import { onAbort } from "../transport/signals.js";
import { abortError, type Page, type PaginatorOptions } from "./paginator.js";

/**
 * The walk behind `paginate`: at most one page in flight ahead of the one being consumed. A walk
 * that ends early (a `break`, `maxItems`, an error, an abort) aborts that prefetch and waits for
 * it, so no request outlives the walk and no rejection goes unhandled.
 */
export async function* walkPages<State, PageBody, Item, T>(
  options: PaginatorOptions<State, PageBody, Item, T>,
): AsyncGenerator<Page<T, PageBody>> {
  const { vendor, style, signal: caller } = options;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const maxPages = options.maxPages ?? 100_000;
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
  const request = (state: State): Promise<PageBody> => {
    let page: Promise<PageBody>;
    const stateKey = JSON.stringify(state);
    if (++requested > maxPages) {
      page = Promise.reject(new InvalidResponseError({ vendor, message: `Paging stopped after ${maxPages} pages without an end` }));
    } else if (seenStates.has(stateKey)) {
      page = Promise.reject(new InvalidResponseError({ vendor, message: `The server sent the same page position twice (${stateKey})` }));
    } else {
      seenStates.add(stateKey);
      page = options.fetchPage(state, call);
    }
    // Awaited below when its turn comes; a prefetch the walk abandons must not reject unhandled.
    page.catch(() => {});
    return page;
  };

  let state = style.first();
  let pending: Promise<PageBody> | undefined = request(state);
  let yielded = 0;
  let previousKeys: string | undefined;
  try {
    while (pending) {
      let body: PageBody;
      try {
        body = await pending;
      } finally {
        pending = undefined;
      }
      if (caller?.aborted) throw abortError(vendor, caller.reason);
      const items = style.items(body);
      if (!Array.isArray(items)) {
        throw new InvalidResponseError({ vendor, message: "A list page has no array of records", body });
      }
      if (items.length === 0) return;
      if (options.itemKey) {
        const keys = JSON.stringify(items.map(options.itemKey));
        if (keys === previousKeys) throw new InvalidResponseError({ vendor, message: "The server returned the same page twice" });
        previousKeys = keys;
      }
      const take = items.slice(0, Math.max(0, maxItems - yielded));
      yielded += take.length;
      // The next page is known from the raw body: ask for it now, before this one is normalized.
      const next = yielded < maxItems ? style.next(body, state, items.length) : null;
      if (next !== null) {
        state = next;
        pending = request(next);
        // The request reaches `fetch` only after a few awaits (a limiter slot, a token), and a
        // normalizer's synchronous work would run first: let that request out before normalizing.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      yield { items: await Promise.all(take.map((item) => options.map(item))), raw: body };
    }
  } catch (error) {
    throw caller?.aborted && !(error instanceof UserAbortError) ? abortError(vendor, caller.reason) : error;
  } finally {
    if (pending) {
      controller.abort(new UserAbortError({ vendor, message: "The listing ended before this page was needed" }));
      await pending.catch(() => {});
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
