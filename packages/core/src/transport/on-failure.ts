/**
 * What the stack needs only once something went wrong: building a non-2xx's error, reading the
 * vendor's requested wait, scrubbing credentials. Loaded with the first failure, so an app that
 * only ever sees 2xx never ships it at start-up.
 */
import { retryAfterOf } from "../descriptor/error-reader.js";
import { errorFromResponse } from "../error-from-response.js";
import { ApiError, ConnectionError, InvalidRequestError, InvalidResponseError } from "../errors.js";
import { TimeoutError, UserAbortError } from "../failure-errors.js";
import type { RefusedPathParameter } from "../path-params.js";
import { pathProblem } from "../path-problem.js";
import type { RequestContext } from "./layer.js";
import { scrubFacts, scrubSecrets } from "./redact.js";
import type { Reply } from "./reply.js";
import { findRequestId } from "./request-id.js";
import type { RetryOptions } from "./retry.js";
import { requestedWaitMs } from "./retry-after.js";
import { sleep } from "./signals.js";

export { errorFromResponse };

const SNIPPET = 200;

/** The exchange's id: the one the vendor echoed, else the one the request sent. */
function requestId(reply: Reply, context: RequestContext): string | undefined {
  const names = context.profile.requestIdHeaders;
  return findRequestId(reply.response.headers, names) ?? findRequestId(context.request.headers, names);
}

/** The body as JSON when it parses, else its text (`undefined` when empty), parsed once: what an error or a wait is read from. */
export function replyBody(reply: Reply): unknown {
  if (reply.parsed === undefined) {
    const text = reply.text ?? (reply.bytes === undefined ? undefined : new TextDecoder().decode(reply.bytes));
    reply.parsed = { value: text === undefined || text === "" ? undefined : parseOrText(text) };
  }
  return reply.parsed.value;
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The `ApiError` a final non-2xx reply stands for, with the attempts, the request id and the secrets scrubbed. */
export function responseError(reply: Reply, context: RequestContext): ApiError {
  const { profile, secrets, attempt } = context;
  return errorFromResponse(profile, reply.response, replyBody(reply), {
    attempts: attempt,
    requestId: requestId(reply, context),
    secrets,
  });
}

/**
 * A 2xx must be JSON we can read: an HTML login page or a truncated body becomes a typed
 * `InvalidResponseError`, not a bare `SyntaxError` inside the caller's code.
 */
export function unreadableError(reply: Reply, context: RequestContext, reason: string): InvalidResponseError {
  const { response } = reply;
  const text = reply.text ?? "";
  return new InvalidResponseError({
    vendor: context.profile.vendor,
    status: response.status,
    message: `Unreadable ${response.status} response: ${reason}`,
    requestId: requestId(reply, context),
    body: scrubSecrets(text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text, context.secrets),
    response,
    attempts: context.attempt,
  });
}

/** The vendor's wait for this reply; the body (read once already) is looked at only for vendors that put one there. */
export function serverRequestedWait(reply: Reply, context: RequestContext): number | undefined {
  const retryAfterFromBody = retryAfterOf(context.profile);
  return requestedWaitMs(reply.response.headers, retryAfterFromBody ? replyBody(reply) : undefined, retryAfterFromBody);
}

/**
 * Map whatever `fetch` (or reading the body) threw to our hierarchy: the caller's abort, the
 * deadline, the attempt's timeout, or else a `ConnectionError`.
 */
export function toTransportError(cause: unknown, request: Request, context: RequestContext): ApiError {
  if (cause instanceof ApiError) return cause;
  if (context.signal?.aborted) return callAborted(context);
  if (context.attemptTimedOut) {
    return new TimeoutError({
      vendor: context.profile.vendor,
      message: `${request.method} ${new URL(request.url).pathname} timed out after ${context.timeoutMs} ms (attempt ${context.attempt})`,
      attempts: context.attempt,
    });
  }
  const detail = describeCause(cause);
  return new ConnectionError({
    vendor: context.profile.vendor,
    message: `${request.method} ${new URL(request.url).pathname} failed before a response arrived${detail ? `: ${detail}` : ""}`,
    attempts: context.attempt,
    cause,
  });
}

/** The error for a request openapi-fetch could not build; its message may quote a header value, a credential say: scrubbed. */
export function requestBuildError(vendor: string, cause: unknown): InvalidRequestError {
  const refused = cause as Partial<RefusedPathParameter> | undefined;
  if (refused?.pathParameter !== undefined) {
    return new InvalidRequestError({
      vendor,
      message: `Path parameter "${refused.pathParameter}" ${pathProblem(refused.value)}`,
    });
  }
  // `encodeURIComponent` refuses a lone surrogate in a path or query value with a bare "URI malformed".
  const reason = cause instanceof URIError ? "a path or query value is not well-formed Unicode" : undefined;
  const message = `Could not build the request: ${reason ?? (cause as Error)?.message ?? String(cause)}`;
  return new InvalidRequestError(scrubFacts({ vendor, message, cause }));
}

/**
 * After an attempt that threw a retryable error (`reply` absent) or got a retryable status: wait
 * (the vendor's requested wait, else a backoff) and say `true` to try again, or say `false` to
 * hand the reply back as it is (no retries left, or the vendor asked for a wait beyond the cap).
 */
export async function waitToRetry(
  attempt: number,
  reply: Reply | undefined,
  context: RequestContext,
  options: RetryOptions,
): Promise<boolean> {
  const canRetry = attempt <= context.maxRetries;
  if (reply === undefined) {
    await pause(backoffDelay(attempt, options), context);
    return true;
  }
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const requested = serverRequestedWait(reply, context);
  if (requested !== undefined) options.onRetryAfter?.(Math.min(requested, maxRetryAfter));
  // A wait beyond the cap is the vendor saying "not soon": hand the 429 back now.
  if (!canRetry || (requested !== undefined && requested > maxRetryAfter)) return false;
  await pause(requested ?? backoffDelay(attempt, options), context);
  return true;
}

/** Full backoff: exponential, capped, with up to 25% jitter taken off so that clients spread out. */
export function backoffDelay(retry: number, options: RetryOptions): number {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8_000;
  const base = Math.min(max, initial * 2 ** (retry - 1));
  return Math.round(base * (1 - (options.random ?? Math.random)() * 0.25));
}

/** Sleep between attempts; the call's abort or deadline ends the wait with its own error. */
async function pause(ms: number, context: RequestContext): Promise<void> {
  try {
    await sleep(ms, context.signal);
  } catch {
    throw callAborted(context);
  }
}

/** The error for a call whose own signal fired: the caller aborted it, or its deadline ran out. */
export function callAborted(context: RequestContext): ApiError {
  const { callerSignal, profile, attempt } = context;
  const attempts = Math.max(1, attempt);
  if (callerSignal?.aborted) {
    const reason = callerSignal.reason;
    if (reason instanceof UserAbortError) return reason;
    return new UserAbortError({
      vendor: profile.vendor,
      message: "The request was aborted by the caller",
      attempts,
      cause: reason,
    });
  }
  const reason = context.signal?.reason;
  return reason instanceof ApiError
    ? reason
    : new TimeoutError({ vendor: profile.vendor, message: "The overall deadline ran out", attempts, cause: reason });
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "";
  const inner = (cause as { cause?: unknown }).cause;
  const code = inner && typeof inner === "object" ? (inner as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : cause.message;
}
