import { checkRateLimit, type RateLimitOptions } from "./limiter.js";
import { SlidingLogLimiter } from "./sliding-log.js";

export type { RateLimitOptions };

/**
 * Client-side rate limiting (a sliding log, waiters served in order; see sliding-log.ts), with the
 * settings checked first. A client's own limiter loads the sliding log alone, its settings checked
 * when the client was created, so that nothing it loads later shares a module with start-up code.
 *
 * Every client has one by default, at the vendor's documented limit. Make one yourself to share a
 * limit between clients that use the same credential in one process; for many processes, use
 * `@customer-api/redis`. Invalid settings throw a `RangeError` naming the option.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ limit: 60, intervalMs: 60_000, concurrency: 4 });
 * const a = createHomeleClient({ token, rateLimit: limiter });
 * const b = createHomeleClient({ token, rateLimit: limiter }); // the two share 60 a minute
 * ```
 */
export class RateLimiter extends SlidingLogLimiter {
  constructor(options: RateLimitOptions, now?: () => number) {
    super(checkRateLimit(options), now);
  }
}
