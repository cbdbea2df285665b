import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Start `n` acquisitions and record, in order, when each was granted. */
function burst(limiter: RateLimiter, n: number, signal?: AbortSignal) {
  const granted: number[] = [];
  const releases: Array<() => void> = [];
  const settled = Array.from({ length: n }, (_, i) =>
    limiter.acquire(signal).then((release) => {
      granted.push(i);
      releases.push(release);
    }),
  );
  return { granted, releases, settled };
}

describe("RateLimiter", () => {
  it("lets `limit` requests start per interval and queues the rest in order", async () => {
    const limiter = new RateLimiter({ limit: 2, intervalMs: 1_000 });
    const { granted, releases } = burst(limiter, 5);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([0, 1]);
    for (const release of releases) release();
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual([0, 1, 2, 3]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toEqual([0, 1, 2, 3, 4]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never lets more than `concurrency` run at once", async () => {
    const limiter = new RateLimiter({ limit: 100, intervalMs: 1_000, concurrency: 2 });
    const { granted, releases } = burst(limiter, 4);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([0, 1]);
    releases[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([0, 1, 2]);
    releases[0]!(); // releasing twice frees one slot only
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([0, 1, 2]);
  });

  it("drops an aborted waiter from the queue and leaves no timer behind", async () => {
    const limiter = new RateLimiter({ limit: 1, intervalMs: 60_000 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(limiter.pending).toBe(1);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(limiter.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("holds everyone during a pause the vendor asked for", async () => {
    const limiter = new RateLimiter({ limit: 10, intervalMs: 1_000 });
    limiter.pause(5_000);
    const { granted } = burst(limiter, 1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(granted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual([0]);
  });

  it("rejects settings that cannot work", () => {
    expect(() => new RateLimiter({ limit: 0, intervalMs: 1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: 1, intervalMs: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: 1, intervalMs: 1, concurrency: 0 })).toThrow(RangeError);
  });
});

describe("RateLimiter, one clock read per decision", () => {
  it("a clock that moves between reads never leaves waiters without a timer", async () => {
    // Every read of this clock moves it 1 ms on. Reading it once to stop the queue (1 ms to wait)
    // and again to set the timer (0 ms left, so no timer) used to leave the second caller waiting for good.
    let t = 0;
    const limiter = new RateLimiter({ limit: 1, intervalMs: 2 }, () => t++);
    const { granted } = burst(limiter, 5);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted.length).toBeLessThan(5);
    // Whoever still waits has a timer to wake them.
    expect(vi.getTimerCount()).toBe(1);
    for (let i = 0; i < 50 && granted.length < 5; i++) await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual([0, 1, 2, 3, 4]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("holds nothing in proportion to its limit, and adds no listener when there is no signal", async () => {
    const added = vi.spyOn(EventTarget.prototype, "addEventListener");
    const limiter = new RateLimiter({ limit: 1e9, intervalMs: 60_000, concurrency: 1e9 });
    const { granted, releases } = burst(limiter, 1_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toHaveLength(1_000);
    expect(added).not.toHaveBeenCalled();
    for (const release of releases) release();
    added.mockRestore();
  });

  it("a waiter's listener is removed once it gets its slot", async () => {
    const limiter = new RateLimiter({ limit: 1, intervalMs: 1_000 });
    const controller = new AbortController();
    const removed = vi.spyOn(controller.signal, "removeEventListener");
    await limiter.acquire();
    const second = limiter.acquire(controller.signal);
    await vi.advanceTimersByTimeAsync(1_000);
    await second;
    expect(removed).toHaveBeenCalledWith("abort", expect.any(Function));
  });

  it("forgets starts older than the interval, so the window slides with the clock", async () => {
    const limiter = new RateLimiter({ limit: 2, intervalMs: 1_000 });
    const first = burst(limiter, 2);
    await vi.advanceTimersByTimeAsync(600);
    const second = burst(limiter, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(first.granted).toEqual([0, 1]);
    expect(second.granted).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(second.granted).toEqual([0, 1]);
  });
});

describe("a client's own limiter", () => {
  it("checks its settings at once, loads with the first request and then limits as RateLimiter does", async () => {
    const { resolveRateLimiter } = await import("./limiter.js");
    expect(() => resolveRateLimiter({ limit: 0, intervalMs: 1 }, undefined)).toThrow(RangeError);
    const limiter = resolveRateLimiter(undefined, { limit: 1, intervalMs: 1_000 })!;
    expect(limiter).toMatchObject({ limit: 1, intervalMs: 1_000, concurrency: Number.POSITIVE_INFINITY });
    const granted: number[] = [];
    const first = limiter.acquire().then(() => granted.push(1));
    const second = limiter.acquire().then(() => granted.push(2));
    await vi.advanceTimersByTimeAsync(0);
    await first;
    expect(granted).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1_000);
    await second;
    expect(granted).toEqual([1, 2]);
  });
});
