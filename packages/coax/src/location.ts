import type { Middleware, OperationFacts, RequestParts } from "@customer-api/core/vendor-kit";
import type { paths } from "./generated/schema.js";

type Method = "get" | "put" | "post" | "delete";
type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type HasLocation<T> = [T] extends [never] ? false : T extends object ? ("location_id" extends keyof T ? true : false) : false;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type BodyOf<Op> = Op extends { requestBody: { content: { "application/json": infer B } } } ? B : never;

/** Every `METHOD /path` of the spec whose query (or JSON body) has a `location_id`. */
type RoutesWith<Where extends "query" | "body"> = {
  [P in keyof paths]: {
    [M in Method]: HasLocation<Where extends "query" ? QueryOf<Operation<P, M>> : BodyOf<Operation<P, M>>> extends true
      ? `${Uppercase<M>} ${P}`
      : never;
  }[Method];
}[keyof paths];

// Record<union, true> makes tsc fail when the spec adds or drops a `location_id`: the tables stay complete.
const IN_QUERY: Record<RoutesWith<"query">, true> = {
  "GET /api/v2/customers": true,
  "GET /api/v2/customers/{id}": true,
  "PUT /api/v2/customers/{id}": true,
  "DELETE /api/v2/customers/{id}": true,
};
const IN_BODY: Record<RoutesWith<"body">, true> = {
  "POST /api/v2/customers": true,
  "POST /api/v2/customers/upsert": true,
};

/** A call's own location, where its operation takes one (query or JSON body); the body's own wins. */
export function locationParts(operation: Pick<OperationFacts, "method" | "path">, locationId: string): RequestParts {
  const route = `${operation.method.toUpperCase()} ${operation.path}`;
  if (Object.hasOwn(IN_QUERY, route)) return { params: { query: { location_id: locationId } } };
  return Object.hasOwn(IN_BODY, route) ? { body: { location_id: locationId } } : {};
}

/**
 * A key scoped to all locations must name one: put `location_id` on every request whose operation
 * takes it (query or JSON body, as the spec says), typed raw calls included, unless the caller set it.
 */
export function locationMiddleware(locationId: string): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const route = `${request.method} ${schemaPath}`;
      if (Object.hasOwn(IN_QUERY, route)) {
        const url = new URL(request.url);
        if (url.searchParams.has("location_id")) return undefined;
        url.searchParams.set("location_id", locationId);
        return copyRequest(request, { url });
      }
      if (Object.hasOwn(IN_BODY, route)) {
        const body = await readJsonObject(request);
        if (body === undefined || Object.hasOwn(body, "location_id")) return undefined;
        return copyRequest(request, { body: JSON.stringify({ ...body, location_id: locationId }) });
      }
      return undefined;
    },
  };
}

/** The request's JSON object body, or `undefined` for anything else (left as the caller sent it). */
async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  if (request.body === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(await request.clone().text());
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The request with another URL or body. The body is buffered rather than passed on as a stream,
 * which browsers refuse to put in a new `Request` without `duplex`.
 */
async function copyRequest(request: Request, change: { url?: URL; body?: string }): Promise<Request> {
  const body = change.body ?? (request.body === null ? undefined : await request.clone().arrayBuffer());
  return new Request(change.url ?? request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
    cache: request.cache,
    keepalive: request.keepalive,
  });
}
