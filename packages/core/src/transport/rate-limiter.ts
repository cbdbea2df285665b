import { checkRateLimit, type RateLimitOptions } from "./limiter.js";
import { SlidingLogLimiter } from "./sliding-log.js";

export type { RateLimitOptions };

/**
 * Client-side rate limiting (a sliding log, waiters served in order; see sliding-log.ts), with the
 * settings checked first. A client's own limiter loads the sliding log alone, its settings checked
 * when the client was created, so that nothing it loads later shares a module with start-up code.
 */
export class RateLimiter extends SlidingLogLimiter {
  constructor(options: RateLimitOptions, now?: () => number) {
    super(checkRateLimit(options), now);
  }
}
