import type { CallOptions } from "../call-options.js";
import { type PagedList, paginate } from "../paging/paginator.js";
import { pagingFromFacts } from "./paging.js";
import type { PagingFacts } from "./types.js";

export interface ListPagesOptions<C> {
  vendor: string;
  facts: PagingFacts;
  pageSize: number | undefined;
  maxItems: number | undefined;
  concurrency: number | undefined;
  /** The list's per-call options (signal, retries, timeout, headers). */
  call: CallOptions;
  fetchPage(query: Record<string, unknown>, call: CallOptions & { signal: AbortSignal }): Promise<unknown>;
  normalize(record: unknown): Promise<C>;
}

/** A list walked as the spec's paging facts say; loaded with a list's first page. */
export function listPaged<C>(options: ListPagesOptions<C>): PagedList<C, unknown> {
  const paging = pagingFromFacts(options.facts, options.pageSize);
  return paginate({
    vendor: options.vendor,
    maxItems: options.maxItems,
    concurrency: options.concurrency,
    ...options.call,
    style: paging.style,
    fetchPage: (state, call) => options.fetchPage(paging.query(state), call),
    map: (item) => options.normalize(item),
    itemKey: (item) => (item as { id?: unknown } | null)?.id,
  });
}
