import type { Pointer } from "./pointer.js";

/** Any pointer, whatever body it reads (`never` accepts every body type). */
type AnyPointer = Pointer<never>;

/** Where one list operation keeps its paging, from the operation's `x-customer-api-operation.paging`. */
export type PagingFacts =
  | {
      style: "cursor";
      cursorParam: string;
      pageSizeParam?: string;
      defaultPageSize?: number;
      items: readonly AnyPointer[];
      nextCursor: AnyPointer;
      hasMore?: AnyPointer;
    }
  | {
      style: "offset";
      offsetParam: string;
      limitParam: string;
      defaultPageSize?: number;
      items: readonly AnyPointer[];
      total?: AnyPointer;
    }
  | {
      style: "page";
      pageParam: string;
      pageSizeParam?: string;
      defaultPageSize?: number;
      items: readonly AnyPointer[];
      totalPages?: AnyPointer;
      total?: AnyPointer;
      pageSize?: AnyPointer;
    };

/** One operation a resource method stands on. */
export interface OperationFacts {
  /** Lower-case, as openapi-typescript keys `paths`. */
  method: "get" | "put" | "post" | "delete" | "patch";
  /** The path as the spec writes it, with `{param}` templates: a key of the generated `paths`. */
  path: string;
  /** The path parameter that takes the record's id. */
  idParam?: string;
  /** Where the record sits in the success body. */
  record?: AnyPointer;
  /** How a list operation pages; absent on single-record operations. */
  paging?: PagingFacts;
}

/** The resource methods core can build from operations alone. */
export type CustomerMethod = "get" | "list" | "create" | "update" | "delete" | "upsert";

/** Everything the spec says about a vendor's behaviour, generated into `src/generated/descriptor.ts`. */
export interface VendorDescriptor {
  /** The vendor's short name, as errors and `Customer.vendor` carry it. */
  vendor: string;
  /** The spec's first server with its variables' defaults; absent when the caller must give one. */
  baseUrl?: string;
  /** The word before the token in `Authorization`. */
  authScheme: string;
  /** The documented rate limit and concurrent-request limit: the client's default `rateLimit`. */
  rateLimit?: { limit: number; intervalMs: number; concurrency?: number };
  /** Response headers that carry the vendor's request or correlation id, first match wins. */
  requestIdHeaders: readonly string[];
  /** Where an error body keeps these; each list is tried in order. */
  errors: {
    message: readonly AnyPointer[];
    code: readonly AnyPointer[];
    fields: readonly AnyPointer[];
    requestId: readonly AnyPointer[];
  };
  /** The wait a 429 body asks for. */
  retryAfter?: { at: AnyPointer; unit: "seconds" | "milliseconds" };
  /** The operations each `customers` method stands on; a method the spec lacks is not built. */
  customers: Partial<Record<CustomerMethod, OperationFacts>>;
}
