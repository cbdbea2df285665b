/**
 * The errors only a failed exchange produces: one class per HTTP status the contract names, 429's
 * `RateLimitError`, and the timeout and abort errors. The client's own words about its options and
 * input, and the base class, are in `errors.ts`; these load with the first failure, so an app whose
 * calls succeed never ships them.
 */

import { KIND } from "./error-kind.js";
import { ApiError, type ApiErrorInit, ConnectionError } from "./errors.js";

/** HTTP 400: the vendor rejected the request as malformed. Not retried. */
export class BadRequestError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "BadRequestError";
}
/**
 * HTTP 401, or a token endpoint that refused the client's credentials: the token is missing,
 * wrong or expired. A refreshing token provider gets one new token and one retry first.
 */
export class AuthenticationError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "AuthenticationError";
}
/** HTTP 403: the credential is valid but may not do this (scope, role, plan). Not retried. */
export class PermissionDeniedError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "PermissionDeniedError";
}
/** HTTP 404: no such record (or no such path on this vendor's host). Not retried. */
export class NotFoundError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "NotFoundError";
}
/** HTTP 409: the request conflicts with the record's current state (a duplicate, a stale version). Not retried. */
export class ConflictError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "ConflictError";
}
/** HTTP 422: the vendor refused the values sent; `fields` says which and why, where the vendor tells. Not retried. */
export class UnprocessableEntityError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "UnprocessableEntityError";
}
/**
 * HTTP 5xx: the vendor failed. Thrown once the retries (`maxRetries`) are spent; a request that is
 * not safe to send twice (POST, PATCH) is retried only on 503, which says nothing was done.
 */
export class InternalServerError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "InternalServerError";
}

/**
 * HTTP 429: the vendor's rate limit. Thrown once the retries are spent, or at once when the vendor
 * asks for a wait longer than the client's `maxRetryAfterMs`; `retryAfterMs` says how long it asked for.
 */
export class RateLimitError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "RateLimitError";

  /** How long the vendor asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** An attempt or the overall deadline ran out before a response arrived. */
export class TimeoutError extends ConnectionError {
  /** @internal */
  static override readonly [KIND]: string = "TimeoutError";
}

/** The caller's `AbortSignal` fired. Never retried. */
export class UserAbortError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "UserAbortError";
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
};

/** The class for a non-2xx status (429 is built separately because it carries `retryAfterMs`). */
export function errorClassForStatus(status: number): typeof ApiError {
  if (status >= 500) return InternalServerError;
  return byStatus[status] ?? ApiError;
}
