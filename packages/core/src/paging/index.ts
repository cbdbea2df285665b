/**
 * The paginator and its paging styles, for a vendor package that writes a list by hand; a list the
 * spec describes is built by core and loads this on its first page.
 *
 * @module @customer-api/core/vendor-kit/paging
 */
export {
  type ListOptions,
  type Page,
  type PagedList,
  type PageLayout,
  type PaginatorOptions,
  type PagingStyle,
  paginate,
} from "./paginator.js";
export { cursorPaging, offsetPaging, pageNumberPaging } from "./styles.js";
