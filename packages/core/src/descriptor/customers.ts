import type { CallOptions } from "../call-options.js";
import type { ApiClient } from "../client.js";
import { ConfigurationError, InvalidRequestError } from "../errors.js";
import type { ListOptions, PagedList } from "../paging/paginator.js";
import { isWholeNumber } from "../whole-number.js";
import type { CustomerMethod, OperationFacts, VendorDescriptor } from "./types.js";

// ---- Types: each method's arguments come from the spec's own operation types. ----

type Facts = VendorDescriptor["customers"];
/** The openapi-typescript operation a method stands on. */
type OperationOf<Paths, F> = F extends { path: infer P; method: infer M }
  ? P extends keyof Paths
    ? M extends keyof Paths[P]
      ? Paths[P][M]
      : never
    : never
  : never;
type IdOf<Op> = Op extends { parameters: { path: infer P } } ? (P[keyof P] extends number ? number | string : string) : never;
type BodyOf<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } }
  ? [NonNullable<Q>] extends [never]
    ? Record<never, never>
    : NonNullable<Q>
  : Record<never, never>;
type SuccessBodyOf<Op> = Op extends { responses: infer R }
  ? { [S in keyof R & (200 | 201)]: R[S] extends { content: { "application/json": infer B } } ? B : never }[keyof R & (200 | 201)]
  : never;
/** The query parameters paging sets itself (`cursor`, `per_page`, ...): not the caller's to give. */
type PagingParams<F> = F extends { paging: infer P } ? P[keyof P & `${string}Param`] : never;

/** `customers.list` parameters: paging and cancellation, plus the operation's own filters as the spec names them. */
export type ListParams<Op, F> = ListOptions & {
  /** Records per page; default the spec's default for the page-size parameter. */
  pageSize?: number;
} & Omit<QueryOf<Op>, PagingParams<F> & keyof QueryOf<Op>>;

/** A method's per-call options: core's, the vendor's own, and the operation's query parameters by their spec names. */
type OptionsOf<Op, Call> = Call & Partial<QueryOf<Op>>;

/** The `customers` resource a descriptor describes: only the methods its spec marks. */
export type Customers<Paths, F extends Facts, C, Call extends CallOptions = CallOptions> = (F extends { get: infer G }
  ? { get(id: IdOf<OperationOf<Paths, G>>, options?: OptionsOf<OperationOf<Paths, G>, Call>): Promise<C> }
  : unknown) &
  (F extends { list: infer L }
    ? {
        list(
          params?: ListParams<OperationOf<Paths, L>, L> & Omit<Call, "signal">,
        ): PagedList<C, SuccessBodyOf<OperationOf<Paths, L>>>;
      }
    : unknown) &
  (F extends { create: infer O }
    ? { create(input: BodyOf<OperationOf<Paths, O>>, options?: OptionsOf<OperationOf<Paths, O>, Call>): Promise<C> }
    : unknown) &
  (F extends { upsert: infer O }
    ? { upsert(input: BodyOf<OperationOf<Paths, O>>, options?: OptionsOf<OperationOf<Paths, O>, Call>): Promise<C> }
    : unknown) &
  (F extends { update: infer O }
    ? {
        update(
          id: IdOf<OperationOf<Paths, O>>,
          input: BodyOf<OperationOf<Paths, O>>,
          options?: OptionsOf<OperationOf<Paths, O>, Call>,
        ): Promise<C>;
      }
    : unknown) &
  (F extends { delete: infer O }
    ? { delete(id: IdOf<OperationOf<Paths, O>>, options?: OptionsOf<OperationOf<Paths, O>, Call>): Promise<void> }
    : unknown);

// ---- Runtime: each method written once. ----

/** What one call sends besides the operation's own parameters. */
export interface RequestParts {
  /** Path, query and header parameters, merged over the operation's own. */
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  /** A JSON body; an object merges with the caller's input, which wins. */
  body?: unknown;
}

export interface ResourceOptions<C, Call extends CallOptions> {
  normalize(record: unknown): Promise<C>;
  /** A vendor's own per-call options as request parts (Pexip's correlation id, Coax's location). */
  callParts?(options: Call, operation: OperationFacts): RequestParts;
  /** The keys of `Call` that `callParts` reads, kept out of a list's query. */
  callKeys?: readonly string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function merge(...parts: RequestParts[]): RequestParts & { params: Required<NonNullable<RequestParts["params"]>> } {
  const params: Required<NonNullable<RequestParts["params"]>> = { path: {}, query: {}, header: {} };
  let body: unknown;
  for (const part of parts) {
    for (const key of ["path", "query", "header"] as const) Object.assign(params[key], part.params?.[key]);
    // Object bodies merge (a vendor's per-call fields first, the caller's input over them).
    if (part.body !== undefined) body = isPlainObject(body) && isPlainObject(part.body) ? { ...body, ...part.body } : part.body;
  }
  return { params, body };
}

/** `customers.get/list/create/update/delete/upsert` from the descriptor, each one request and one normalizer call. */
export function defineCustomers<Paths extends {}, F extends Facts, C, Call extends CallOptions = CallOptions>(
  descriptor: VendorDescriptor & { customers: F },
  api: ApiClient<Paths>,
  options: ResourceOptions<C, Call>,
): Customers<Paths, F, C, Call> {
  const { vendor, customers } = descriptor;
  /** Core's per-call options go to the stack, the vendor's own to `callParts`, the rest are the operation's query. */
  const split = (call: Record<string, unknown> = {}) => {
    const { signal, maxRetries, timeoutMs, headers, ...rest } = call;
    const own: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) (options.callKeys?.includes(key) ? own : query)[key] = value;
    return { stack: { signal, maxRetries, timeoutMs, headers }, own, query };
  };
  const send = async (operation: OperationFacts, call: Record<string, unknown> | undefined, ...parts: RequestParts[]) => {
    const { stack, own, query } = split(call);
    const init = { ...merge(options.callParts?.(own as Call, operation) ?? {}, { params: { query } }, ...parts), ...stack };
    // The client's method for this operation; paths and methods come from the generated descriptor.
    const method = operation.method.toUpperCase() as "GET";
    const client = api.client as unknown as Record<string, (path: string, init: object) => Promise<never>>;
    return api.unwrap(await client[method]!(operation.path, init)) as unknown;
  };
  // The pointer reader loads with the first record, as the normalizer does.
  let pointers: typeof import("./read-pointer.js") | undefined;
  const record = async (operation: OperationFacts, body: unknown) => {
    if (operation.record === undefined) return options.normalize(body);
    pointers ??= await import("./read-pointer.js");
    return options.normalize(pointers.readPointer(body as never, operation.record));
  };
  // The client's path serializer refuses an id that is not a finite number or a usable string.
  const id = (operation: OperationFacts, value: unknown): RequestParts => ({ params: { path: { [operation.idParam!]: value } } });

  const resource: Partial<Record<CustomerMethod, unknown>> = {};
  const { get, list, create, upsert, update, delete: remove } = customers as Facts;
  type Options = Record<string, unknown>;
  if (get) resource.get = async (value: unknown, call?: Options) => record(get, await send(get, call, id(get, value)));
  if (create) resource.create = async (body: unknown, call?: Options) => record(create, await send(create, call, { body }));
  if (upsert) resource.upsert = async (body: unknown, call?: Options) => record(upsert, await send(upsert, call, { body }));
  if (update) {
    resource.update = async (value: unknown, body: unknown, call?: Options) =>
      record(update, await send(update, call, id(update, value), { body }));
  }
  if (remove) {
    resource.delete = async (value: unknown, call?: Options) => {
      await send(remove, call, id(remove, value));
    };
  }
  if (list?.paging) {
    resource.list = (params: Record<string, unknown> = {}): PagedList<C> => {
      const { pageSize, concurrency } = params;
      if (pageSize !== undefined && !isWholeNumber(pageSize, 1)) {
        throw new InvalidRequestError({ vendor, message: "`pageSize` must be a whole number >= 1" });
      }
      // The paginator's own check, made here too because its code loads with the first page: the
      // same error as when a vendor calls `paginate` itself.
      if (concurrency !== undefined && !isWholeNumber(concurrency, 1)) {
        throw new ConfigurationError({ vendor, message: "`concurrency` must be a whole number >= 1" });
      }
      // The paging code loads with the first page, so an app that never lists never ships it.
      const walk = () =>
        import("./list.js").then((m) =>
          m.listCustomers(params, {
            vendor,
            list,
            split,
            send,
            normalize: options.normalize,
            defaultConcurrency: api.profile.rateLimit?.concurrency,
          }),
        );
      return {
        async *pages() {
          yield* (await walk()).pages();
        },
        async *[Symbol.asyncIterator]() {
          yield* await walk();
        },
      };
    };
  }
  return resource as Customers<Paths, F, C, Call>;
}
