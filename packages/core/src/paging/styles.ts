import type { PagingStyle } from "./paginator.js";

/** Cursor paging (Homele): the page names the next cursor, or `null` at the end. */
export function cursorPaging<PageBody, Item>(options: {
  items(page: PageBody): readonly Item[];
  nextCursor(page: PageBody): string | null | undefined;
  /** Some APIs say "no more" separately from the cursor. */
  hasMore?(page: PageBody): boolean | undefined;
}): PagingStyle<{ cursor: string | undefined }, PageBody, Item> {
  return {
    first: () => ({ cursor: undefined }),
    items: options.items,
    next(page) {
      if (options.hasMore?.(page) === false) return null;
      const cursor = options.nextCursor(page);
      return typeof cursor === "string" && cursor !== "" ? { cursor } : null;
    },
  };
}

/** Offset/limit paging (Pexip, Hamgam): stop at the total, or on a short page when there is none. */
export function offsetPaging<PageBody, Item>(options: {
  limit: number;
  items(page: PageBody): readonly Item[];
  total?(page: PageBody): number | null | undefined;
}): PagingStyle<{ offset: number; limit: number }, PageBody, Item> {
  return {
    first: () => ({ offset: 0, limit: options.limit }),
    items: options.items,
    next(page, state, count) {
      const offset = state.offset + count;
      const total = options.total?.(page);
      if (typeof total === "number" && Number.isFinite(total)) return offset < total ? { ...state, offset } : null;
      return count < state.limit ? null : { ...state, offset };
    },
    layout(page, state, count) {
      const total = options.total?.(page);
      if (!(typeof total === "number" && Number.isFinite(total) && count > 0)) return undefined;
      // The first page's length is the stride: a server that caps `limit` below what was asked
      // pages by its own size, and asking each page for exactly that size never overlaps or skips.
      return {
        pages: Math.max(1, Math.ceil((total - state.offset) / count)),
        position: (index) => ({ offset: state.offset + index * count, limit: count }),
      };
    },
  };
}

/** Page-number paging (Shtara, Coax): stop at the last page, or on a short page when it is not given. */
export function pageNumberPaging<PageBody, Item>(options: {
  pageSize?: number;
  items(page: PageBody): readonly Item[];
  totalPages?(page: PageBody): number | null | undefined;
}): PagingStyle<{ page: number }, PageBody, Item> {
  return {
    first: () => ({ page: 1 }),
    items: options.items,
    next(page, state, count) {
      const totalPages = options.totalPages?.(page);
      if (typeof totalPages === "number" && Number.isFinite(totalPages)) {
        return state.page < totalPages ? { page: state.page + 1 } : null;
      }
      if (options.pageSize !== undefined && count < options.pageSize) return null;
      return { page: state.page + 1 };
    },
    layout(page, state) {
      const totalPages = options.totalPages?.(page);
      if (!(typeof totalPages === "number" && Number.isFinite(totalPages))) return undefined;
      return { pages: Math.max(1, Math.ceil(totalPages) - state.page + 1), position: (index) => ({ page: state.page + index }) };
    },
  };
}
