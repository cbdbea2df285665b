import { ApiError, ConnectionError, TimeoutError, UserAbortError } from "../errors.js";
import type { RequestContext, Send } from "./layer.js";
import { readReply } from "./reply.js";

/**
 * The innermost layer: one HTTP exchange. The attempt's signal goes in the `fetch` init and the
 * body buffered for resending replaces the consumed one, so no `Request` is copied here.
 */
export function createSend(fetchFn: typeof fetch): Send {
  return async (request, context) => {
    const { attemptSignal: signal } = context;
    // Only the request openapi-fetch built had its body read ahead; a redirect hop carries its own.
    const body = request === context.request ? context.body : undefined;
    try {
      // A token or a limiter slot may have taken a while: do not start what is already cancelled.
      if (signal?.aborted) throw signal.reason;
      const response = await fetchFn(
        request,
        body === undefined ? (signal === undefined ? undefined : { signal }) : { signal, body },
      );
      return await readReply(response, request.method, context.bodyMode);
    } catch (cause) {
      throw toTransportError(cause, request, context);
    }
  };
}

/**
 * Map whatever `fetch` (or reading the body) threw to our hierarchy: the caller's abort, the
 * deadline, the attempt's timeout, or else a `ConnectionError`.
 */
export function toTransportError(cause: unknown, request: Request, context: RequestContext): ApiError {
  if (cause instanceof ApiError) return cause;
  if (context.signal?.aborted) return callAborted(context);
  const reason = context.attemptSignal?.aborted ? context.attemptSignal.reason : undefined;
  if (reason instanceof ApiError) return reason;
  const detail = describeCause(cause);
  return new ConnectionError({
    vendor: context.profile.vendor,
    message: `${request.method} ${new URL(request.url).pathname} failed before a response arrived${detail ? `: ${detail}` : ""}`,
    attempts: context.attempt,
    cause,
  });
}

/** The error for a call whose own signal fired: the caller aborted it, or its deadline ran out. */
export function callAborted(context: RequestContext): ApiError {
  const { callerSignal, profile, attempt } = context;
  const attempts = Math.max(1, attempt);
  if (callerSignal?.aborted) {
    const reason = callerSignal.reason;
    if (reason instanceof UserAbortError) return reason;
    return new UserAbortError({ vendor: profile.vendor, message: "The request was aborted by the caller", attempts, cause: reason });
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
