import { type ApiClient, type CallOptions, cursorPaging, type ListOptions, type PagedList, paginate, callOptions, lazily } from "@customer-api/core/vendor-kit";
import type { components, operations, paths } from "./generated/schema.js";
import type { HomeleCustomer } from "./normalize.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeHomeleCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeHomeleCustomer));

type ListQuery = NonNullable<operations["listCustomers"]["parameters"]["query"]>;
type ListPage = components["schemas"]["CustomerListResponse"];

export interface HomeleListParams extends ListOptions {
  /** `per_page`: 1 to 100, default 25. */
  pageSize?: number;
  /** `filter[query]`: free-text search. */
  query?: string;
  leadStatusIds?: number[];
  ownerIds?: number[];
  leadSourceIds?: number[];
  priorityId?: number;
  /** `YYYY-MM-DD` */
  dateFrom?: string;
  dateTo?: string;
}

export interface HomeleCustomers {
  /** `GET /customers/{id}` (showCustomer), normalized. */
  get(id: number | string, options?: CallOptions): Promise<HomeleCustomer>;
  /** `GET /customers` (listCustomers): every page, fetched lazily by cursor. */
  list(params?: HomeleListParams): PagedList<HomeleCustomer, ListPage>;
}

export function homeleCustomers(api: ApiClient<paths>): HomeleCustomers {
  return {
    async get(id, options = {}) {
      const result = await api.client.GET("/customers/{id}", {
        params: { path: { id: id as number } },
        ...callOptions(options),
      });
      return normalizeHomeleCustomer(api.unwrap(result)?.data);
    },

    list(params = {}) {
      const { maxItems, ...filters } = params;
      const query: ListQuery = {
        per_page: filters.pageSize,
        "filter[query]": filters.query,
        "filter[lead_status.id][]": filters.leadStatusIds,
        "filter[owner.id][]": filters.ownerIds,
        "filter[lead_source.id][]": filters.leadSourceIds,
        "filter[priority.id]": filters.priorityId,
        "filter[date_from]": filters.dateFrom,
        "filter[date_to]": filters.dateTo,
      };
      return paginate({
        vendor: "homele",
        maxItems,
        ...callOptions(params),
        style: cursorPaging<ListPage, unknown>({
          items: (page) => page?.data,
          nextCursor: (page) => page?.meta?.next_cursor,
          hasMore: (page) => page?.meta?.has_more,
        }),
        fetchPage: async ({ cursor }, call) =>
          api.unwrap(await api.client.GET("/customers", { params: { query: { ...query, cursor } }, ...call })),
        map: normalizeHomeleCustomer,
        itemKey: (item) => (item as { id?: unknown } | null)?.id,
      });
    },
  };
}
