import { isWholeNumber } from "../whole-number.js";

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
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Limiter).acquire === "function" &&
    typeof (value as Limiter).pause === "function"
  );
}

/** A rate limit as settings: the `rateLimit` option, and what `RateLimiter` is built from. */
export interface RateLimitOptions {
  /** Requests allowed per interval. */
  limit: number;
  /** The interval, in milliseconds. */
  intervalMs: number;
  /** Requests in flight at once (default: unlimited). */
  concurrency?: number | undefined;
}

/** Settings that cannot work fail when the client is created, not on its first request. */
export function checkRateLimit(options: RateLimitOptions): Required<RateLimitOptions> {
  const { limit, intervalMs, concurrency = Number.POSITIVE_INFINITY } = options;
  if (!isWholeNumber(limit, 1)) throw new RangeError("rateLimit.limit must be a positive integer");
  if (!(intervalMs > 0)) throw new RangeError("rateLimit.intervalMs must be positive");
  if (!(concurrency >= 1)) throw new RangeError("rateLimit.concurrency must be at least 1");
  return { limit, intervalMs, concurrency };
}

/** What a client does with its `rateLimit` option: a limiter of its own, a shared one, or none. */
export function resolveRateLimiter(
  option: RateLimitOptions | Limiter | false | undefined,
  vendorDefault: RateLimitOptions | undefined,
): Limiter | undefined {
  if (option === false) return undefined;
  if (isLimiter(option)) return option;
  const settings = option ?? vendorDefault;
  return settings ? new DeferredLimiter(settings) : undefined;
}

/**
 * A client's own in-memory `RateLimiter`, loaded with the first request: its queue and window are
 * code an app needs only once it sends something, so they stay out of its start-up bundle.
 */
class DeferredLimiter implements Limiter {
  declare readonly limit: number;
  declare readonly intervalMs: number;
  declare readonly concurrency: number;
  private limiter: Limiter | undefined;
  private loading: Promise<Limiter> | undefined;

  constructor(settings: RateLimitOptions) {
    Object.assign(this, checkRateLimit(settings));
  }

  private load(): Promise<Limiter> {
    this.loading ??= import("./sliding-log.js").then((m) => {
      this.limiter = new m.SlidingLogLimiter(this);
      return this.limiter;
    });
    return this.loading;
  }

  acquire(signal?: AbortSignal): Promise<() => void> {
    return this.limiter ? this.limiter.acquire(signal) : this.load().then((limiter) => limiter.acquire(signal));
  }

  pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    return this.load().then((limiter) => limiter.pause(Math.max(0, until - Date.now())));
  }
}
