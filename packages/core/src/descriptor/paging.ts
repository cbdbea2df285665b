import type { PagingStyle } from "../paging/paginator.js";
import { cursorPaging, offsetPaging, pageNumberPaging } from "../paging/styles.js";
import type { Pointer } from "./pointer.js";
import { readPointer } from "./read-pointer.js";
import type { PagingFacts } from "./types.js";

/** The records of a page: the first `items` pointer that finds an array. */
const itemsOf = (facts: PagingFacts) => (page: unknown) => {
  for (const pointer of facts.items) {
    const items = readPointer(page as never, pointer);
    if (Array.isArray(items)) return items as unknown[];
  }
  return undefined as unknown as unknown[];
};

/** What an optional pointer finds; `undefined` when the spec gives none. */
const readOptional = (page: unknown, pointer: Pointer<never> | undefined) =>
  pointer === undefined ? undefined : readPointer(page as never, pointer);

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/**
 * The paging style the spec's `x-customer-api-operation.paging` describes, and the query each page
 * sends: the style's state named by the operation's own parameters.
 */
export function pagingFromFacts(
  facts: PagingFacts,
  requested: number | undefined,
): {
  style: PagingStyle<Record<string, unknown>, unknown, unknown>;
  query(state: Record<string, unknown>): Record<string, unknown>;
} {
  const items = itemsOf(facts);
  const pageSize = requested ?? facts.defaultPageSize;
  switch (facts.style) {
    case "cursor":
      return {
        style: cursorPaging({
          items,
          nextCursor: (page) => readPointer(page as never, facts.nextCursor) as string,
          hasMore: (page) => readOptional(page, facts.hasMore) as boolean | undefined,
        }) as never,
        query: (state) => ({
          [facts.cursorParam]: state.cursor,
          ...(facts.pageSizeParam && { [facts.pageSizeParam]: requested }),
        }),
      };
    case "offset": {
      const limit = pageSize ?? 25;
      return {
        style: offsetPaging({
          limit,
          items,
          // A page longer than asked for means the server ignores paging: that page is the whole list.
          total: (page) =>
            count(readOptional(page, facts.total)) ?? ((items(page)?.length ?? 0) > limit ? items(page).length : undefined),
        }) as never,
        query: (state) => ({ [facts.limitParam]: state.limit, [facts.offsetParam]: state.offset }),
      };
    }
    case "page":
      return {
        style: pageNumberPaging({
          pageSize,
          items,
          totalPages: (page) => {
            const pages = count(readOptional(page, facts.totalPages));
            if (pages !== undefined) return pages;
            const total = count(readOptional(page, facts.total));
            const size = count(readOptional(page, facts.pageSize));
            return total !== undefined && size !== undefined && size > 0 ? Math.ceil(total / size) : undefined;
          },
        }) as never,
        query: (state) => ({ [facts.pageParam]: state.page, ...(facts.pageSizeParam && { [facts.pageSizeParam]: requested }) }),
      };
  }
}
