import type { Limiter, RateLimitOptions } from "./limiter.js";
import { onAbort } from "./signals.js";

/**
 * Client-side rate limiting: at most `limit` request starts in any `intervalMs` window (a sliding
 * log, so a burst never exceeds the vendor's limit at a window edge) and at most `concurrency` in
 * flight. Waiters are served strictly in order. One limiter can be shared by several clients that
 * use the same credentials, because the vendor counts them together.
 *
 * Memory follows traffic, not settings: the start times of the last `intervalMs` (at most `limit`,
 * and only as many as really started) and the callers waiting now. `{ limit: 1e9 }` costs nothing
 * up front.
 */

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  /** Stops listening to `signal`: one subscription per waiter, one listener per signal (see `onAbort`). */
  unsubscribe: (() => void) | undefined;
  /** Set when the waiter's signal fired: it stays in the queue, skipped, so leaving costs O(1). */
  gone: boolean;
}

/**
 * A first-in, first-out queue that only grows with what is in it: a head index instead of
 * `shift()`, compacted once the dead front outweighs the live part.
 */
class Queue<T> {
  private items: T[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  shift(): T | undefined {
    const item = this.items[this.head];
    if (item === undefined) return undefined;
    this.items[this.head++] = undefined as T;
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/** The limiter itself, on settings already checked (`RateLimiter` checks what a caller gives it). */
export class SlidingLogLimiter implements Limiter {
  readonly limit: number;
  readonly intervalMs: number;
  readonly concurrency: number;
  /**
   * Start times within the last `intervalMs`, oldest first. Memory grows with the starts that
   * actually happened in one interval (never more than `limit`), not with `limit` itself.
   */
  private readonly starts = new Queue<number>();
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly queue = new Queue<Waiter>();
  private waiting = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = 0;

  /** `now` is the clock every decision reads once (replaceable in tests). */
  constructor(
    settings: Required<RateLimitOptions>,
    private readonly now: () => number = Date.now,
  ) {
    const { limit, intervalMs, concurrency } = settings;
    this.limit = limit;
    this.intervalMs = intervalMs;
    this.concurrency = concurrency;
  }

  /** Requests waiting for a slot. */
  get pending(): number {
    return this.waiting;
  }

  /**
   * Wait for a slot. Resolves with a `release` function to call when the request is done;
   * rejects with the signal's reason if it aborts first, leaving the queue as it was. Without a
   * signal no listener is added.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, unsubscribe: undefined, gone: false };
      // A thousand calls queued on one caller's signal share one listener on it.
      if (signal) {
        waiter.unsubscribe = onAbort(signal, () => {
          waiter.gone = true;
          this.waiting--;
          reject(signal.reason);
          this.drain();
        });
      }
      this.queue.push(waiter);
      this.waiting++;
      this.drain();
    });
  }

  /** Hold every request until `ms` from now: the vendor said so with a 429. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.drain();
  }

  /**
   * Start whoever may start, then set the one timer for whoever waits on the clock. The clock is
   * read once: the wait that stops the loop is the wait the timer is set for, so a queue with
   * waiters and nothing in flight always has a timer (two reads could see 1 ms, then 0 ms, and
   * leave nobody to wake the queue).
   */
  private drain(): void {
    const now = this.now();
    const cutoff = now - this.intervalMs;
    while (this.starts.size > 0 && this.starts.peek()! <= cutoff) this.starts.shift();
    let wait = 0;
    while (this.waiting > 0 && this.inFlight < this.concurrency) {
      wait = this.waitAt(now);
      if (wait > 0) break;
      const waiter = this.queue.shift()!;
      if (waiter.gone) continue;
      this.waiting--;
      waiter.unsubscribe?.();
      this.starts.push(now);
      this.inFlight++;
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.drain();
      });
    }
    while (this.waiting === 0 && this.queue.size > 0) this.queue.shift(); // only the aborted are left
    this.wakeAfter(this.waiting > 0 && this.inFlight < this.concurrency ? wait : 0, now);
  }

  /** Milliseconds from `now` until the window and any pause allow another start (0 = now). */
  private waitAt(now: number): number {
    const pause = this.pausedUntil - now;
    const windowWait = this.starts.size < this.limit ? 0 : this.starts.peek()! + this.intervalMs - now;
    return Math.max(0, pause, windowWait);
  }

  /** Keep exactly one timer, and only while someone waits on the clock (not on concurrency). */
  private wakeAfter(wait: number, now: number): void {
    if (wait <= 0) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      return;
    }
    if (this.timer !== undefined && this.timerAt === now + wait) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = now + wait;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, wait);
  }
}
