/**
 * Waiting between asks. A waiter sleeps until Redis said it is worth asking again, until a slot is
 * released in this process (no need to wait for the clock then), or until its signal aborts. The
 * timer and the listener are always removed, so an aborted or finished wait leaves nothing behind.
 */
export class Waits {
  private readonly wakers = new Set<() => void>();

  /** Wait `ms`, or less if `wakeAll` is called; rejects with the signal's reason if it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const finish = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        signal?.removeEventListener("abort", onAbort);
      };
      const wake = () => {
        finish();
        resolve();
      };
      const onAbort = () => {
        finish();
        reject(signal?.reason);
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      this.wakers.add(wake);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** A slot was freed here: let every local waiter ask again now. */
  wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Waiters currently asleep. */
  get size(): number {
    return this.wakers.size;
  }
}
