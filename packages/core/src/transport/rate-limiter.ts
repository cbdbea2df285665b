import { isLimiter, type Limiter } from "./limiter.js";

/**
 * Client-side rate limiting: at most `limit` request starts in any `intervalMs` window (a sliding
 * log, so a burst never exceeds the vendor's limit at a window edge) and at most `concurrency` in
 * flight. Waiters are served strictly in order. One limiter can be shared by several clients that
 * use the same credentials, because the vendor counts them together.
 */

export interface RateLimitOptions {
  /** Requests allowed per interval. */
  limit: number;
  /** The interval, in milliseconds. */
  intervalMs: number;
  /** Requests in flight at once (default: unlimited). */
  concurrency?: number | undefined;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export class RateLimiter implements Limiter {
  readonly limit: number;
  readonly intervalMs: number;
  readonly concurrency: number;
  /** Start times of the last `limit` requests, oldest first (a ring buffer). */
  private readonly starts: number[];
  private startIndex = 0;
  private startCount = 0;
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions) {
    const { limit, intervalMs, concurrency = Number.POSITIVE_INFINITY } = options;
    if (!(Number.isInteger(limit) && limit > 0)) throw new RangeError("rateLimit.limit must be a positive integer");
    if (!(intervalMs > 0)) throw new RangeError("rateLimit.intervalMs must be positive");
    if (!(concurrency >= 1)) throw new RangeError("rateLimit.concurrency must be at least 1");
    this.limit = limit;
    this.intervalMs = intervalMs;
    this.concurrency = concurrency;
    this.starts = new Array<number>(limit).fill(0);
  }

  /** Requests waiting for a slot. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Wait for a slot. Resolves with a `release` function to call when the request is done;
   * rejects with the signal's reason if it aborts first, leaving the queue as it was.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          reject(signal.reason);
          this.schedule();
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.drain();
    });
  }

  /** Hold every request until `ms` from now: the vendor said so with a 429. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.schedule();
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const wait = this.waitBeforeNextStart(Date.now());
      if (wait > 0 || this.inFlight >= this.concurrency) break;
      const waiter = this.queue.shift()!;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener("abort", waiter.onAbort);
      this.recordStart(Date.now());
      this.inFlight++;
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.drain();
      });
    }
    this.schedule();
  }

  /** Milliseconds until the window and any pause allow another start (0 = now). */
  private waitBeforeNextStart(now: number): number {
    const pause = this.pausedUntil - now;
    const oldest = this.startCount < this.limit ? 0 : this.starts[this.startIndex]!;
    const windowWait = this.startCount < this.limit ? 0 : oldest + this.intervalMs - now;
    return Math.max(0, pause, windowWait);
  }

  private recordStart(now: number): void {
    this.starts[this.startIndex] = now;
    this.startIndex = (this.startIndex + 1) % this.limit;
    if (this.startCount < this.limit) this.startCount++;
  }

  /** Keep exactly one timer, and only while someone waits on the clock (not on concurrency). */
  private schedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.queue.length === 0 || this.inFlight >= this.concurrency) return;
    const wait = this.waitBeforeNextStart(Date.now());
    if (wait <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, wait);
  }
}

/** What a client does with its `rateLimit` option: a limiter of its own, a shared one, or none. */
export function resolveRateLimiter(
  option: RateLimitOptions | Limiter | false | undefined,
  vendorDefault: RateLimitOptions | undefined,
): Limiter | undefined {
  if (option === false) return undefined;
  if (isLimiter(option)) return option;
  const settings = option ?? vendorDefault;
  return settings ? new RateLimiter(settings) : undefined;
}
