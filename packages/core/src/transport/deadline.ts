import { TimeoutError } from "../failure-errors.js";
import { onAbort } from "./signals.js";

/** A call's own signal under its `deadlineMs`; `stop` ends it once the call is over. */
export interface Deadline {
  signal: AbortSignal;
  stop(): void;
}

/**
 * The signal of a call with an overall budget: it aborts with a `TimeoutError` when `deadlineMs`
 * runs out, retries and waits included, or with the caller's reason when the caller's signal fires.
 * Loaded with the first call of a client that sets a deadline: most never do.
 */
export function startDeadline(
  deadlineMs: number,
  vendor: string,
  callerSignal: AbortSignal | undefined,
  attempts: () => number,
): Deadline {
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(
      new TimeoutError({
        vendor,
        message: `The overall deadline of ${deadlineMs} ms ran out`,
        attempts: Math.max(1, attempts()),
      }),
    );
  }, deadlineMs);
  let unsubscribe: (() => void) | undefined;
  if (callerSignal?.aborted) deadline.abort(callerSignal.reason);
  else if (callerSignal) unsubscribe = onAbort(callerSignal, () => deadline.abort(callerSignal.reason));
  return {
    signal: deadline.signal,
    stop() {
      clearTimeout(timer);
      unsubscribe?.();
    },
  };
}
