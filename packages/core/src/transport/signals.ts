/**
 * AbortSignal plumbing: one signal that fires when any of several does, and timers that are
 * always cleared, so that a finished request leaves nothing running.
 */

export interface LinkedSignal {
  signal: AbortSignal;
  /** Abort with this reason unless already aborted. */
  abort(reason: unknown): void;
  /** Remove listeners and clear the timer. Safe to call twice. */
  dispose(): void;
}

/**
 * A signal that aborts when a parent aborts (with `mapReason(parent.reason)`) or, when
 * `timeoutMs` is given, after that long with `timeoutReason()`.
 */
export function linkSignal(options: {
  parent?: AbortSignal | null | undefined;
  mapReason?: (reason: unknown) => unknown;
  timeoutMs?: number | undefined;
  timeoutReason?: () => unknown;
}): LinkedSignal {
  const controller = new AbortController();
  const { parent, mapReason = (r: unknown) => r } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onParentAbort = () => controller.abort(mapReason(parent?.reason));
  const dispose = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    parent?.removeEventListener("abort", onParentAbort);
  };
  if (parent?.aborted) {
    controller.abort(mapReason(parent.reason));
  } else {
    parent?.addEventListener("abort", onParentAbort, { once: true });
    if (options.timeoutMs !== undefined && Number.isFinite(options.timeoutMs)) {
      timer = setTimeout(() => {
        timer = undefined;
        controller.abort(options.timeoutReason?.());
      }, Math.max(0, options.timeoutMs));
    }
  }
  controller.signal.addEventListener("abort", dispose, { once: true });
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose,
  };
}

/** Wait `ms`, or reject with the signal's reason as soon as it aborts; the timer never outlives the wait. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
