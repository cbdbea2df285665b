import type { Middleware } from "@customer-api/core/vendor-kit";

export const CORRELATION_ID_HEADER = "X-Correlation-Id";

/**
 * Give every logical request an `X-Correlation-Id` unless the caller set one. openapi-fetch runs
 * `onRequest` once per call and core's retries resend that same request, so every attempt of a
 * call carries the same id, and errors report it as `requestId`.
 */
export function correlationIdMiddleware(): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has(CORRELATION_ID_HEADER)) request.headers.set(CORRELATION_ID_HEADER, crypto.randomUUID());
      return request;
    },
  };
}
