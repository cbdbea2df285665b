import {
  type ApiClient,
  type CallOptions,
  InvalidRequestError,
  type ListOptions,
  offsetPaging,
  type PagedList,
  paginate,
  callOptions,
  lazily,
} from "@customer-api/core/vendor-kit";
import type { components, operations, paths } from "./generated/schema.js";
import type { HamgamCustomer, HamgamNormalizeOptions } from "./normalize.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeHamgamCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeHamgamCustomer));

type ListQuery = NonNullable<operations["listCustomers"]["parameters"]["query"]>;
/** A DRF page `{count, next, previous, results}` or a bare array: the docs leave it open. */
type ListPage = components["schemas"]["CustomerListResponse"];

/** The documented default of `limit`. */
const DEFAULT_PAGE_SIZE = 10;

export interface HamgamListParams extends ListOptions {
  /** `limit`: customers per request, default 10 (the documented default; no maximum is documented). */
  pageSize?: number;
  /** `search`: id, username, mobile_number, email, first_name or last_name. */
  search?: string;
  /** `ordering`: a field name, `-` first for descending. */
  ordering?: ListQuery["ordering"];
  hasEmail?: boolean;
  hasAvatar?: boolean;
  hasPhone?: boolean;
  hasToken?: boolean;
  hasFirstName?: boolean;
  hasLastName?: boolean;
  isActive?: boolean;
  isProfileCompleted?: boolean;
  isOnline?: boolean;
  /** `gender`: an open list in the docs ("male, female, etc."). */
  gender?: string;
  /** `groups_in`: customers in any of these groups (sent comma-separated). */
  groupsIn?: readonly (number | string)[] | string;
  groupId?: number;
  /** `last_login_date`, `YYYY-MM-DD` (as every date filter here). */
  lastLoginDate?: string;
  /** `last_login_from` / `last_login_to`: the last-login range. */
  lastLoginFrom?: string;
  lastLoginTo?: string;
  idMin?: number;
  idMax?: number;
  /** `created_date`, `created_from` / `created_to` */
  createdDate?: string;
  createdFrom?: string;
  createdTo?: string;
  /** `updated_date`, `updated_from` / `updated_to` */
  updatedDate?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

export interface HamgamCustomers {
  /** `GET /api/customers/{id}` (retrieveCustomer), normalized. */
  get(id: number | string, options?: CallOptions): Promise<HamgamCustomer>;
  /** `GET /api/customers` (listCustomers): every page, fetched lazily by `limit`/`offset`. */
  list(params?: HamgamListParams): PagedList<HamgamCustomer, ListPage>;
  /** `DELETE /api/customers/{id}` (deleteCustomer): resolves on 204; a 409 is a `ConflictError`. */
  delete(id: number | string, options?: CallOptions): Promise<void>;
}

export function hamgamCustomers(api: ApiClient<paths>, normalizeOptions: HamgamNormalizeOptions = {}): HamgamCustomers {
  const normalize = (item: unknown) => normalizeHamgamCustomer(item, normalizeOptions);
  return {
    async get(id, options = {}) {
      const result = await api.client.GET("/api/customers/{id}", {
        params: { path: { id: id as number } },
        ...callOptions(options),
      });
      return normalize(api.unwrap(result));
    },

    list(params = {}) {
      const { maxItems, pageSize = DEFAULT_PAGE_SIZE, ...filters } = params;
      if (!Number.isInteger(pageSize) || pageSize < 1) {
        throw new InvalidRequestError({ vendor: "hamgam", message: "`pageSize` must be a whole number >= 1" });
      }
      const query: ListQuery = {
        search: filters.search,
        ordering: filters.ordering,
        has_email: filters.hasEmail,
        has_avatar: filters.hasAvatar,
        has_phone: filters.hasPhone,
        has_token: filters.hasToken,
        has_first_name: filters.hasFirstName,
        has_last_name: filters.hasLastName,
        is_active: filters.isActive,
        is_profile_completed: filters.isProfileCompleted,
        is_online: filters.isOnline,
        gender: filters.gender,
        groups_in: typeof filters.groupsIn === "string" ? filters.groupsIn : filters.groupsIn?.join(","),
        group_id: filters.groupId,
        last_login_date: filters.lastLoginDate,
        last_login_from: filters.lastLoginFrom,
        last_login_to: filters.lastLoginTo,
        id_min: filters.idMin,
        id_max: filters.idMax,
        created_date: filters.createdDate,
        created_from: filters.createdFrom,
        created_to: filters.createdTo,
        updated_date: filters.updatedDate,
        updated_from: filters.updatedFrom,
        updated_to: filters.updatedTo,
      };
      return paginate({
        vendor: "hamgam",
        maxItems,
        ...callOptions(params),
        style: offsetPaging<ListPage, unknown>({
          limit: pageSize,
          items: (page) => (Array.isArray(page) ? page : page?.results),
          // A page gives `count`; a bare array gives no total, so a short page ends the list. A
          // bare array longer than `limit` means the server ignores paging: it is the whole list.
          total: (page) => (Array.isArray(page) ? (page.length > pageSize ? page.length : undefined) : page?.count),
        }),
        fetchPage: async ({ offset, limit }, call) =>
          api.unwrap(
            await api.client.GET("/api/customers", { params: { query: { ...query, limit, offset } }, ...call }),
          ),
        map: normalize,
        itemKey: (item) => (item as { id?: unknown } | null)?.id,
      });
    },

    async delete(id, options = {}) {
      const result = await api.client.DELETE("/api/customers/{id}", {
        params: { path: { id: id as number } },
        ...callOptions(options),
      });
      api.unwrap(result);
    },
  };
}
