import { ApiError, ConnectionError } from "../errors.js";
import type { Layer, RequestContext } from "./layer.js";
import { requestedWaitMs } from "./retry-after.js";
import { sleep } from "./signals.js";

export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries: number;
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

/** Which statuses are worth another try for this method (DESIGN.md: POST/PATCH only on 429 and 503). */
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

const attemptsByResponse = new WeakMap<Response, number>();
/** How many attempts produced this response (1 when it was never retried). */
export function attemptsFor(response: Response | undefined): number {
  return (response && attemptsByResponse.get(response)) ?? 1;
}

/** The vendor's wait for this response; the body is parsed only for vendors that put one there. */
async function serverRequestedWait(response: Response, context: RequestContext): Promise<number | undefined> {
  const { retryAfterFromBody } = context.profile;
  const body = retryAfterFromBody ? await response.clone().json().catch(() => undefined) : undefined;
  return requestedWaitMs(response.headers, body, retryAfterFromBody);
}

export function retryLayer(options: RetryOptions): Layer {
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  return (next) => async (request, context) => {
    for (let attempt = 1; ; attempt++) {
      context.attempt = attempt;
      const canRetry = attempt <= options.maxRetries;
      let response: Response;
      try {
        response = await next(request.clone(), context);
      } catch (error) {
        if (error instanceof ApiError) error.attempts = attempt;
        if (!canRetry || !isRetryableError(request.method, error)) throw error;
        await sleep(backoffDelay(attempt, options), context.signal);
        continue;
      }
      attemptsByResponse.set(response, attempt);
      if (!isRetryableStatus(request.method, response.status)) return response;
      const requested = await serverRequestedWait(response, context);
      if (requested !== undefined) options.onRetryAfter?.(Math.min(requested, maxRetryAfter));
      // A wait beyond the cap is the vendor saying "not soon": hand the 429 back now.
      if (!canRetry || (requested !== undefined && requested > maxRetryAfter)) return response;
      await sleep(requested ?? backoffDelay(attempt, options), context.signal);
    }
  };
}
