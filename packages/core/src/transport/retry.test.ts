import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionError } from "../errors.js";
import { UserAbortError } from "../failure-errors.js";
import type { RequestContext, Send } from "./layer.js";
import { backoffDelay } from "./on-failure.js";
import { Reply } from "./reply.js";
import { isRetryableStatus, retryLayer } from "./retry.js";
import { retryAfterFromHeaders } from "./retry-after.js";

// The wait a vendor asks for is read by failure-only code that loads with the first retryable
// status; load it before the clock is faked, so that the timings below measure waits, not a module load.
beforeAll(async () => {
  await import("./on-failure.js");
});
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const context = (signal = new AbortController().signal, maxRetries = 2): RequestContext => ({
  profile: {
    vendor: "acme",
    retryAfterFromBody: (b) => ((b as { retry_after?: number }).retry_after ?? 0) * 1000,
  },
  request: new Request("http://x/"),
  body: undefined,
  signal,
  callerSignal: signal,
  attemptSignal: undefined,
  attempt: 0,
  maxRetries,
  timeoutMs: 0,
  bodyMode: "json",
  secrets: new Set(),
});

/** A reply as the send layer hands it on: the body read once, as text. */
const reply = async (response: Response) => new Reply(response, await response.text());

/** A fake next layer that answers from a script and records when each attempt ran. */
function scripted(answers: Array<() => Response>) {
  const times: number[] = [];
  const send: Send = async () => {
    times.push(Date.now());
    return reply(answers[times.length - 1]!());
  };
  return { send, times };
}

describe("retry policy", () => {
  it("retries idempotent methods on 408, 429 and 5xx; POST and PATCH only on 429 and 503", () => {
    expect([408, 429, 500, 503].map((s) => isRetryableStatus("GET", s))).toEqual([true, true, true, true]);
    expect([400, 404, 409].map((s) => isRetryableStatus("DELETE", s))).toEqual([false, false, false]);
    expect([429, 503, 500, 502, 408].map((s) => isRetryableStatus("POST", s))).toEqual([true, true, false, false, false]);
    expect(isRetryableStatus("PATCH", 503)).toBe(true);
  });

  it("backs off exponentially, capped, with jitter that only shortens", () => {
    const at = (retry: number, random: number) => backoffDelay(retry, { random: () => random });
    expect([1, 2, 3, 4, 5, 6].map((r) => at(r, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(at(1, 1)).toBe(375);
  });
});

describe("server-requested waits", () => {
  it("reads Retry-After in seconds and as an HTTP date, and X-RateLimit-Reset as epoch or delta", () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(retryAfterFromHeaders(new Headers({ "retry-after": new Date(now + 7000).toUTCString() }), now)).toBe(7000);
    expect(retryAfterFromHeaders(new Headers({ "x-ratelimit-reset": String(now / 1000 + 30) }), now)).toBe(30_000);
    expect(retryAfterFromHeaders(new Headers({ "x-ratelimit-reset": "12" }), now)).toBe(12_000);
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
  });

  it("obeys a wait in the 429 body (Homele's retry_after) when no header gives one", async () => {
    const { send, times } = scripted([
      () => Response.json({ retry_after: 3 }, { status: 429 }),
      () => Response.json({ ok: true }),
    ]);
    const paused: number[] = [];
    const run = retryLayer({ onRetryAfter: (ms) => paused.push(ms) })(send)(new Request("http://x/"), context());
    await vi.advanceTimersByTimeAsync(3_000);
    expect((await run).response.status).toBe(200);
    expect(times[1]! - times[0]!).toBe(3_000);
    expect(paused).toEqual([3_000]);
  });

  it("uses X-RateLimit-Reset when that is all the vendor sends", async () => {
    const reset = Math.floor(Date.now() / 1000) + 20;
    const { send, times } = scripted([
      () => new Response("{}", { status: 429, headers: { "x-ratelimit-reset": String(reset) } }),
      () => Response.json({}),
    ]);
    const run = retryLayer({})(send)(new Request("http://x/"), context(undefined, 1));
    await vi.advanceTimersByTimeAsync(20_000);
    await run;
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(19_000);
  });
});

describe("cancellation", () => {
  it("an abort during the backoff sleep rejects at once and clears the timer", async () => {
    const controller = new AbortController();
    const send: Send = async () => {
      throw new ConnectionError({ vendor: "acme", message: "down" });
    };
    const run = retryLayer({})(send)(new Request("http://x/"), context(controller.signal, 3));
    const outcome = run.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new UserAbortError({ vendor: "acme", message: "stop" }));
    expect(await outcome).toBeInstanceOf(UserAbortError);
    expect(vi.getTimerCount()).toBe(0);
  });
});
