/**
 * The rate limiter under a clock that moves between reads and under real load: it never strands
 * a waiter, and the limit and the concurrency hold as the server sees them.
 */
import { getEventListeners } from "node:events";
import { RateLimiter } from "@customer-api/core";
import { type FaultServer, reply } from "@customer-api/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { customerIdOf, vendors } from "../src/vendors.js";
import { useFaultServer } from "./support.js";

/**
 * A clock the test drives, that also moves `drift` ms on every read, as a real clock does on a
 * busy core. Both `Date.now` and `performance.now` read it; timers are faked to match.
 */
function movingClock(drift: number) {
  let now = 1_000_000;
  const read = () => {
    const t = now;
    now += drift;
    return t;
  };
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  vi.spyOn(Date, "now").mockImplementation(read);
  vi.spyOn(performance, "now").mockImplementation(read);
  return {
    /** Let `ms` pass, one millisecond at a time, firing timers as they fall due. */
    async advance(ms: number) {
      for (let i = 0; i < ms; i++) {
        now += 1;
        await vi.advanceTimersByTimeAsync(1);
      }
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("RateLimiter with a clock that moves between reads", () => {
  // Every release point across the window, for clocks that drift 1 to 4 ms per read: a waiter
  // queued behind a full window must be let through once the window has passed.
  const cases = [1, 2, 3, 4].flatMap((drift) => Array.from({ length: 12 }, (_, at) => [drift, at] as const));
  it.each(cases)("drift %i ms per read, release after %i ms: the waiter still gets its slot", async (drift, releaseAt) => {
    const clock = movingClock(drift);
    const limiter = new RateLimiter({ limit: 1, intervalMs: 10 });
    const releaseFirst = await limiter.acquire();
    let granted = false;
    const waiter = limiter.acquire().then((release) => {
      granted = true;
      release();
    });
    await clock.advance(releaseAt);
    releaseFirst();
    await clock.advance(60);
    expect(granted, "the second caller was stranded with nothing in flight").toBe(true);
    await waiter;
    expect(limiter.pending).toBe(0);
  });

  it("a pause from a 429 that ends while the clock drifts lets every waiter through", async () => {
    const clock = movingClock(3);
    const limiter = new RateLimiter({ limit: 5, intervalMs: 20 });
    limiter.pause(7);
    let granted = 0;
    const waiters = Array.from({ length: 12 }, () =>
      limiter.acquire().then((release) => {
        granted++;
        release();
      }),
    );
    await clock.advance(200);
    expect(granted).toBe(12);
    await Promise.all(waiters);
  });
});

/** Arrival times the server saw, sorted. */
const arrivals = (servers: FaultServer[]) => servers.flatMap((s) => s.requests.map((r) => r.at)).sort((a, b) => a - b);

/**
 * The most starts the server saw inside any window of `intervalMs` less `slack`: loopback
 * transit makes arrivals up to a few ms later than the limiter's starts, never earlier.
 */
function busiestWindow(at: number[], intervalMs: number, slack: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < at.length; to++) {
    while (at[to]! - at[from]! >= intervalMs - slack) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/**
 * Wait for every call to settle, watching progress: if no call settles for `quietMs` while some
 * are still pending, the queue is stranded and the wait ends there, reporting how many calls
 * never settled (a busy machine is slow, but it keeps settling calls).
 */
async function settleWatching<T>(calls: Promise<T>[], limiter: RateLimiter, quietMs = 5_000) {
  let settled = 0;
  let lastProgress = performance.now();
  const results: PromiseSettledResult<T>[] = [];
  for (const call of calls) {
    call
      .then(
        (value) => void results.push({ status: "fulfilled", value }),
        (reason: unknown) => void results.push({ status: "rejected", reason }),
      )
      .finally(() => {
        settled++;
        lastProgress = performance.now();
      });
  }
  while (settled < calls.length && performance.now() - lastProgress < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { results, unsettled: calls.length - settled, waiting: limiter.pending };
}

describe("1,000 concurrent customers.get under a limit", () => {
  const LIMIT = { limit: 100, intervalMs: 100, concurrency: 8 };
  const SLACK_MS = 15;
  const kit = vendors.find((v) => v.name === "pexip")!;
  const server = useFaultServer();
  const ok = () => reply.slowHeaders(2, reply.json(200, kit.single(kit.record(1))));

  /** Busy the event loop now and then, as a loaded core does: timers fire late, clocks jump. */
  const busy = (n: number) => {
    if (n % 25 === 0) {
      const until = performance.now() + 4;
      while (performance.now() < until);
    }
  };

  // A loaded machine serves loopback slowly; the watchdog, not this bound, tells a stall.
  const LOAD_TIMEOUT = 90_000;

  it("through one client: all settle, concurrency and the limit hold at the server", { timeout: LOAD_TIMEOUT }, async () => {
    server().fallback((r) => {
      busy(r.n);
      return ok();
    });
    // The client's own limiter, given explicitly so the test can read its queue.
    const limiter = new RateLimiter(LIMIT);
    const client = kit.client(server(), { rateLimit: limiter, maxRetries: 0 });
    const calls = Array.from({ length: 1000 }, () => client.customers.get(customerIdOf(kit, 1)));
    const { results, unsettled, waiting } = await settleWatching(calls, limiter);
    expect({ unsettled, waiting }, "calls stranded in the limiter's queue").toEqual({ unsettled: 0, waiting: 0 });
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1000);
    expect(server().requests).toHaveLength(1000);
    expect(server().maxInFlight).toBeLessThanOrEqual(LIMIT.concurrency);
    expect(busiestWindow(arrivals([server()]), LIMIT.intervalMs, SLACK_MS)).toBeLessThanOrEqual(LIMIT.limit);
    expect(limiter.pending).toBe(0);
  });

  it("through two clients sharing one limiter: the shared limit holds across both", { timeout: LOAD_TIMEOUT }, async () => {
    server().fallback((r) => {
      busy(r.n);
      return ok();
    });
    const shared = new RateLimiter(LIMIT);
    const a = kit.client(server(), { rateLimit: shared, maxRetries: 0 });
    const b = vendors.find((v) => v.name === "homele")!.client(server(), { rateLimit: shared, maxRetries: 0 });
    // Pexip's `{data: record}` is also a valid Homele single-record body: one answer serves both.
    const controller = new AbortController();
    const calls = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? a.customers.get("1", { signal: controller.signal }) : b.customers.get("1", { signal: controller.signal }),
    );
    const { results, unsettled, waiting } = await settleWatching(calls, shared);
    expect({ unsettled, waiting }, "calls stranded in the limiter's queue").toEqual({ unsettled: 0, waiting: 0 });
    expect(
      results
        .filter((r) => r.status === "rejected")
        .map((r) => String((r as PromiseRejectedResult).reason))
        .slice(0, 3),
    ).toEqual([]);
    expect(server().requests).toHaveLength(1000);
    expect(server().maxInFlight).toBeLessThanOrEqual(LIMIT.concurrency);
    expect(busiestWindow(arrivals([server()]), LIMIT.intervalMs, SLACK_MS)).toBeLessThanOrEqual(LIMIT.limit);
    expect(shared.pending).toBe(0);
    // 1,000 calls on one caller signal leave no listener on it.
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("without a limiter, 1,000 calls in flight on one caller signal hold one listener on it", {
    timeout: LOAD_TIMEOUT,
  }, async () => {
    let most = 0;
    const controller = new AbortController();
    server().fallback(() => {
      most = Math.max(most, getEventListeners(controller.signal, "abort").length);
      return ok();
    });
    const client = kit.client(server(), { rateLimit: false, maxRetries: 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, () => client.customers.get("1", { signal: controller.signal })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1000);
    expect(most).toBeLessThanOrEqual(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
