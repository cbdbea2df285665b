import { TimeoutError } from "../errors.js";
import type { Layer } from "./layer.js";

/**
 * Give each attempt a signal that also fires after `timeoutMs`. No timer and no controller when
 * the timeout is off (`0` or `Infinity`): the attempt then uses the call's signal as it is.
 */
export function timeoutLayer(): Layer {
  return (next) => async (request, context) => {
    const { timeoutMs, signal: parent } = context;
    if (!(timeoutMs > 0 && timeoutMs < Number.POSITIVE_INFINITY)) {
      context.attemptSignal = parent;
      return next(request, context);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(
        new TimeoutError({
          vendor: context.profile.vendor,
          message: `${request.method} ${new URL(request.url).pathname} timed out after ${timeoutMs} ms (attempt ${context.attempt})`,
          attempts: context.attempt,
        }),
      );
    }, timeoutMs);
    // A listener only when there is a signal to follow (a caller's signal or a deadline).
    const onAbort = parent && (() => controller.abort(parent.reason));
    if (parent) {
      if (parent.aborted) controller.abort(parent.reason);
      else parent.addEventListener("abort", onAbort!, { once: true });
    }
    context.attemptSignal = controller.signal;
    try {
      return await next(request, context);
    } finally {
      clearTimeout(timer);
      if (parent) parent.removeEventListener("abort", onAbort!);
    }
  };
}
