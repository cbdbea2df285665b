/**
 * What decides when a request may start. The in-memory `RateLimiter` is the default; a limiter
 * shared across processes (such as `@customer-api/redis`) implements the same two calls, so a
 * client accepts either as its `rateLimit` option.
 */
export interface Limiter {
  /**
   * Wait for a slot. Resolves with a `release` to call once the request is done (body read or
   * failed); rejects with the signal's reason if it aborts first, taking no slot.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Hold every request until `ms` from now: the vendor asked for it with a 429. */
  pause(ms: number): void | Promise<void>;
}

/** A limiter given as the `rateLimit` option, told apart from plain `{ limit, intervalMs }` settings. */
export function isLimiter(value: unknown): value is Limiter {
  return typeof value === "object" && value !== null && typeof (value as Limiter).acquire === "function" && typeof (value as Limiter).pause === "function";
}
