interface Subscribers {
  callbacks: Set<() => void>;
  listener: () => void;
}
const bySignal = new WeakMap<AbortSignal, Subscribers>();

/**
 * Run `callback` once when `signal` aborts; the returned function unsubscribes. However many
 * calls wait on one signal at once (a thousand requests, a queue behind the limiter), the signal
 * carries a single listener of ours, so Node never warns of a listener leak and removing one is
 * O(1).
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let subscribers = bySignal.get(signal);
  if (subscribers === undefined) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      bySignal.delete(signal);
      for (const run of callbacks) run();
    };
    subscribers = { callbacks, listener };
    bySignal.set(signal, subscribers);
    signal.addEventListener("abort", listener, { once: true });
  }
  // A fresh function per subscription, so that one callback subscribed twice is two subscriptions.
  const entry = () => callback();
  const { callbacks, listener } = subscribers;
  callbacks.add(entry);
  return () => {
    if (!callbacks.delete(entry) || callbacks.size > 0) return;
    if (bySignal.get(signal) === subscribers) bySignal.delete(signal);
    signal.removeEventListener("abort", listener);
  };
}

/** Wait `ms`, or reject with the signal's reason as soon as it aborts; the timer never outlives the wait. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const unsubscribe = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
    const timer = setTimeout(
      () => {
        unsubscribe?.();
        resolve();
      },
      Math.max(0, ms),
    );
  });
}
