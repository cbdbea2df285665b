import type { Layer } from "./layer.js";

/**
 * Give each attempt a signal that also fires after `timeoutMs`. No timer when the timeout is off
 * (`0` or `Infinity`), and no controller either when there is no call signal to follow. The
 * `TimeoutError` itself is built by the failure code, which scrubs what it says.
 */
export function timeoutLayer(): Layer {
  let follow: typeof import("./signals.js").onAbort | undefined;
  return (next) => async (request, context) => {
    const { timeoutMs, signal: parent } = context;
    const timed = timeoutMs > 0 && timeoutMs < Number.POSITIVE_INFINITY;
    context.attemptTimedOut = false;
    if (!timed && !parent) {
      context.attemptSignal = undefined;
      return next(request, context);
    }
    // With a signal to follow, `fetch` still gets a signal of this attempt's own: handing it the
    // caller's would leave a listener on it until the `Request` inside `fetch` is collected.
    const controller = new AbortController();
    // A subscription only when there is a signal to follow (a caller's signal or a deadline); the
    // code that follows one loads with the first call that has one.
    if (parent && !parent.aborted) follow ??= (await import("./signals.js")).onAbort;
    const timer = !timed
      ? undefined
      : setTimeout(() => {
          context.attemptTimedOut = true;
          controller.abort();
        }, timeoutMs);
    let unsubscribe: (() => void) | undefined;
    if (parent?.aborted) controller.abort(parent.reason);
    else if (parent) unsubscribe = follow!(parent, () => controller.abort(parent.reason));
    context.attemptSignal = controller.signal;
    try {
      return await next(request, context);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
    }
  };
}
