import { TimeoutError } from "../errors.js";
import type { Layer } from "./layer.js";
import { linkSignal } from "./signals.js";

/** Give each attempt its own signal: the request's deadline/abort signal plus `timeoutMs`. */
export function timeoutLayer(timeoutMs: number): Layer {
  return (next) => async (request, context) => {
    const attempt = linkSignal({
      parent: context.signal,
      timeoutMs,
      timeoutReason: () =>
        new TimeoutError({
          vendor: context.profile.vendor,
          message: `${request.method} ${new URL(request.url).pathname} timed out after ${timeoutMs} ms (attempt ${context.attempt})`,
        }),
    });
    try {
      return await next(new Request(request, { signal: attempt.signal }), context);
    } finally {
      attempt.dispose();
    }
  };
}
