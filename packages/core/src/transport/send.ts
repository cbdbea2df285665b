import { ApiError, ConnectionError } from "../errors.js";
import type { RequestContext, Send } from "./layer.js";

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The innermost layer: one HTTP exchange with the body read in full, so that the attempt's
 * timeout covers a server that stalls mid-body and a dropped connection surfaces here, where
 * it can be retried, rather than later inside JSON parsing.
 */
export function createSend(fetchFn: typeof fetch): Send {
  return async (request, context) => {
    try {
      const response = await fetchFn(request);
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (cause) {
      throw toTransportError(cause, request, context);
    }
  };
}

/** Map whatever `fetch` threw to our hierarchy: an abort keeps its reason, the rest is a ConnectionError. */
export function toTransportError(cause: unknown, request: Request, context: RequestContext): ApiError {
  if (request.signal.aborted && request.signal.reason instanceof ApiError) return request.signal.reason;
  if (cause instanceof ApiError) return cause;
  const detail = describeCause(cause);
  return new ConnectionError({
    vendor: context.profile.vendor,
    message: `${request.method} ${new URL(request.url).pathname} failed before a response arrived${detail ? `: ${detail}` : ""}`,
    cause,
  });
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "";
  const inner = (cause as { cause?: unknown }).cause;
  const code = inner && typeof inner === "object" ? (inner as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : cause.message;
}
