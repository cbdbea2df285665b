import type { CallOptions } from "../call-options.js";
import { type PagedList, paginate } from "../paging/paginator.js";
import type { RequestParts } from "./customers.js";
import { pagingFromFacts } from "./paging.js";
import type { OperationFacts } from "./types.js";

/** What `customers.list` hands over from the resource: the operation and the resource's own request path. */
export interface ListContext<C> {
  vendor: string;
  list: OperationFacts;
  /** As many pages in flight as the vendor documents concurrent requests, unless the caller says. */
  defaultConcurrency: number | undefined;
  /** Core's per-call options, the vendor's own, and the operation's query, apart. */
  split(call: Record<string, unknown>): {
    stack: Record<string, unknown>;
    own: Record<string, unknown>;
    query: Record<string, unknown>;
  };
  send(operation: OperationFacts, call: Record<string, unknown>, ...parts: RequestParts[]): Promise<unknown>;
  normalize(record: unknown): Promise<C>;
}

/**
 * `customers.list(params)` walked as the spec's paging facts say. Loaded with a list's first page,
 * so an app that never lists never ships it; the resource has already checked `pageSize` and `concurrency`.
 */
export function listCustomers<C>(params: Record<string, unknown>, context: ListContext<C>): PagedList<C, unknown> {
  const { maxItems, pageSize, concurrency, ...call } = params as { maxItems?: number; pageSize?: number; concurrency?: number };
  const { list, send } = context;
  const { stack, own, query: filters } = context.split(call);
  const paging = pagingFromFacts(list.paging!, pageSize);
  return paginate({
    vendor: context.vendor,
    maxItems,
    concurrency: concurrency ?? context.defaultConcurrency,
    ...(stack as CallOptions),
    style: paging.style,
    // `call` is the list's per-call options with the paginator's own signal.
    fetchPage: (state, call) => send(list, { ...own, ...call }, { params: { query: { ...filters, ...paging.query(state) } } }),
    map: (item) => context.normalize(item),
    itemKey: (item) => (item as { id?: unknown } | null)?.id,
  });
}
