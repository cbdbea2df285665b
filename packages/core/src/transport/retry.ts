import { ConnectionError } from "../errors.js";
import type { Layer } from "./layer.js";
import type { Reply } from "./reply.js";

export interface RetryOptions {
  /** First backoff step (default 500 ms), doubled each retry up to `maxDelayMs` (default 8 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A server-requested wait longer than this is not waited out: the 429 is returned at once (default 60 s). */
  maxRetryAfterMs?: number;
  /** Source of jitter, replaceable in tests. */
  random?: () => number;
  /** Called when the vendor asks for a pause, so a shared limiter holds every request. */
  onRetryAfter?: (ms: number) => void;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * Which statuses are worth another try for this method. POST and PATCH only on 429 and 503, the two
 * that say the request was not acted on: resending after any other failure could do it twice.
 */
export function isRetryableStatus(method: string, status: number): boolean {
  if (IDEMPOTENT.has(method)) return status === 408 || status === 429 || status >= 500;
  return status === 429 || status === 503;
}

/** Connection failures and timeouts, only for requests that are safe to send twice. */
export function isRetryableError(method: string, error: unknown): boolean {
  return IDEMPOTENT.has(method) && error instanceof ConnectionError;
}

/**
 * Attempts until one is final. Each attempt resends the call's own request (its body was read
 * ahead), so a retry copies nothing. Errors already carry their attempt number: every layer
 * builds them with `context.attempt`.
 */
export function retryLayer(options: RetryOptions): Layer {
  return (next) => async (request, context) => {
    for (let attempt = 1; ; attempt++) {
      context.attempt = attempt;
      let reply: Reply | undefined;
      try {
        reply = await next(request, context);
        if (!isRetryableStatus(request.method, reply.response.status)) return reply;
      } catch (error) {
        if (attempt > context.maxRetries || !isRetryableError(request.method, error)) throw error;
      }
      // Waiting before the next attempt is failure-only code, loaded with the first failure.
      if (!(await (await import("./on-failure.js")).waitToRetry(attempt, reply, context, options))) return reply!;
    }
  };
}
