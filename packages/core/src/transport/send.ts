import type { ApiError } from "../errors.js";
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
      throw await transportError(cause, request, context);
    }
  };
}

/** What `fetch` (or reading the body) threw, as one of our errors: failure-only code, loaded with the first failure. */
async function transportError(cause: unknown, request: Request, context: RequestContext): Promise<ApiError> {
  return (await import("./on-failure.js")).toTransportError(cause, request, context);
}

/** The error for a call whose own signal fired: the caller aborted it, or its deadline ran out. */
export async function callAborted(context: RequestContext): Promise<ApiError> {
  return (await import("./on-failure.js")).callAborted(context);
}
