import { TimeoutError } from "../errors.js";
import type { Layer } from "./layer.js";
import { onAbort } from "./signals.js";

/**
 * Give each attempt a signal that also fires after `timeoutMs`. No timer when the timeout is off
 * (`0` or `Infinity`), and no controller either when there is no call signal to follow.
 */
export function timeoutLayer(): Layer {
  return (next) => async (request, context) => {
    const { timeoutMs, signal: parent } = context;
    const timed = timeoutMs > 0 && timeoutMs < Number.POSITIVE_INFINITY;
    if (!timed && !parent) {
      context.attemptSignal = undefined;
      return next(request, context);
    }
    // With a signal to follow, `fetch` still gets a signal of this attempt's own: handing it the
    // caller's would leave a listener on it until the `Request` inside `fetch` is collected.
    const controller = new AbortController();
    const timer = !timed
      ? undefined
      : setTimeout(() => {
          controller.abort(
            new TimeoutError({
              vendor: context.profile.vendor,
              message: `${request.method} ${new URL(request.url).pathname} timed out after ${timeoutMs} ms (attempt ${context.attempt})`,
              attempts: context.attempt,
            }),
          );
        }, timeoutMs);
    // A subscription only when there is a signal to follow (a caller's signal or a deadline).
    let unsubscribe: (() => void) | undefined;
    if (parent?.aborted) controller.abort(parent.reason);
    else if (parent) unsubscribe = onAbort(parent, () => controller.abort(parent.reason));
    context.attemptSignal = controller.signal;
    try {
      return await next(request, context);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
    }
  };
}
