import { ConnectionError } from "../errors.js";
import type { Layer, RequestContext } from "./layer.js";
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

/** Full backoff: exponential, capped, with up to 25% jitter taken off so that clients spread out. */
export function backoffDelay(retry: number, options: RetryOptions): number {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8_000;
  const base = Math.min(max, initial * 2 ** (retry - 1));
  return Math.round(base * (1 - (options.random ?? Math.random)() * 0.25));
}

/**
 * Attempts until one is final. Each attempt resends the call's own request (its body was read
 * ahead), so a retry copies nothing. Errors already carry their attempt number: every layer
 * builds them with `context.attempt`.
 */
export function retryLayer(options: RetryOptions): Layer {
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  return (next) => async (request, context) => {
    for (let attempt = 1; ; attempt++) {
      context.attempt = attempt;
      const canRetry = attempt <= context.maxRetries;
      let reply: Reply;
      try {
        reply = await next(request, context);
      } catch (error) {
        if (!canRetry || !isRetryableError(request.method, error)) throw error;
        await pause(backoffDelay(attempt, options), context);
        continue;
      }
      const { status } = reply.response;
      if (!isRetryableStatus(request.method, status)) return reply;
      // Reading the wait is failure-only code, loaded with the first retryable status.
      const requested = (await import("./on-failure.js")).serverRequestedWait(reply, context);
      if (requested !== undefined) options.onRetryAfter?.(Math.min(requested, maxRetryAfter));
      // A wait beyond the cap is the vendor saying "not soon": hand the 429 back now.
      if (!canRetry || (requested !== undefined && requested > maxRetryAfter)) return reply;
      await pause(requested ?? backoffDelay(attempt, options), context);
    }
  };
}

/** Sleep between attempts: failure-only code, loaded with the first retry. */
async function pause(ms: number, context: RequestContext): Promise<void> {
  return (await import("./on-failure.js")).pause(ms, context);
}
