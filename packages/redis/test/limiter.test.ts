/** The shared limiter's rules, in one process, against a real redis-server. */
import { ConfigurationError } from "@customer-api/core";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createRedisLimiter, type RedisLimiter, type RedisLimiterOptions } from "../src/index.js";
import { describeWithRedis, type RedisServer, startRedis } from "./redis-server.js";

const CREDENTIAL = "sk-live-VERY-SECRET-credential-42";

/** Settle within `ms`: "granted", or the rejection (an abort means the limiter made it wait). */
async function tryAcquire(limiter: RedisLimiter, ms: number): Promise<{ release: () => void } | { error: unknown }> {
  try {
    return { release: await limiter.acquire(AbortSignal.timeout(ms)) };
  } catch (error) {
    return { error };
  }
}
const granted = (r: { release: () => void } | { error: unknown }) => "release" in r;

test("options are checked at construction, naming the option", () => {
  const base: RedisLimiterOptions = { url: "redis://127.0.0.1:1", vendor: "pexip", credential: "k", limit: 10, intervalMs: 1000 };
  for (const [bad, word] of [
    [{ vendor: "pe:xip" }, "vendor"],
    [{ credential: "" }, "credential"],
    [{ url: undefined }, "exactly one"],
    [{ limit: 0 }, "limit"],
    [{ intervalMs: -1 }, "intervalMs"],
    [{ concurrency: 0 }, "concurrency"],
    [{ leaseMs: 5 }, "leaseMs"],
    [{ onRedisError: "ignore" }, "onRedisError"],
    [{ fallbackFraction: 2 }, "fallbackFraction"],
  ] as const) {
    const options = { ...base, ...bad } as RedisLimiterOptions;
    expect(() => createRedisLimiter(options)).toThrow(ConfigurationError);
    expect(() => createRedisLimiter(options)).toThrow(word);
  }
});

describeWithRedis("shared limiter on Redis", () => {
  let server: RedisServer;
  let admin: Redis;
  const open: RedisLimiter[] = [];
  const limiter = (options: Partial<RedisLimiterOptions>) => {
    const made = createRedisLimiter({
      url: server.url,
      vendor: "pexip",
      credential: CREDENTIAL,
      limit: 5,
      intervalMs: 60_000,
      ...options,
    });
    open.push(made);
    return made;
  };

  beforeAll(async () => {
    server = await startRedis();
    admin = new Redis(server.url);
  }, 15_000);
  afterAll(async () => {
    await Promise.all(open.map((l) => l.close()));
    admin?.disconnect();
    await server?.dispose();
  }, 15_000);

  test("at most `limit` starts per interval, counted across limiter instances (workers)", async () => {
    const a = limiter({ vendor: "window", limit: 3, intervalMs: 60_000 });
    const b = limiter({ vendor: "window", limit: 3, intervalMs: 60_000 });
    for (const l of [a, b, a]) expect(granted(await tryAcquire(l, 2_000))).toBe(true);
    const refused = await tryAcquire(b, 300);
    expect(refused).toEqual({ error: expect.objectContaining({ name: "TimeoutError" }) });
  });

  test("a full window makes the next start wait until the oldest start leaves it", async () => {
    const l = limiter({ vendor: "sliding", limit: 2, intervalMs: 600, marginMs: 0 });
    const started = performance.now();
    for (let i = 0; i < 3; i++) (await l.acquire())();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(590);
    expect(elapsed).toBeLessThan(5_000);
  });

  test("keys are per vendor and credential, and never contain the credential", async () => {
    const alpha = limiter({ vendor: "alpha", limit: 2 });
    const beta = limiter({ vendor: "beta", limit: 2 });
    const otherKey = limiter({ vendor: "alpha", credential: "another-credential", limit: 2 });
    for (const l of [alpha, alpha, beta, beta, otherKey, otherKey]) expect(granted(await tryAcquire(l, 2_000))).toBe(true);
    expect(granted(await tryAcquire(alpha, 300))).toBe(false);

    expect(alpha.keyPrefix).toMatch(/^customer-api:alpha:\{[0-9a-f]{16}\}:$/);
    expect(beta.keyPrefix).not.toBe(alpha.keyPrefix);
    expect(otherKey.keyPrefix).not.toBe(alpha.keyPrefix);
    const keys = await admin.keys("*");
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.startsWith("customer-api:")).toBe(true);
      expect(key).not.toContain(CREDENTIAL);
      if (key.endsWith(":starts")) {
        for (const member of await admin.zrange(key, "0", "-1")) expect(member).not.toContain(CREDENTIAL);
      }
    }
  });

  test("at most `concurrency` in flight; a release lets the next one in at once", async () => {
    const a = limiter({ vendor: "conc", limit: 100, concurrency: 2 });
    const b = limiter({ vendor: "conc", limit: 100, concurrency: 2 });
    const first = await a.acquire();
    await b.acquire();
    expect(granted(await tryAcquire(a, 300))).toBe(false);
    const waiting = a.acquire(AbortSignal.timeout(2_000));
    first();
    first(); // twice is harmless
    const releaseThird = await waiting;
    expect(await admin.zcard(`${a.keyPrefix}leases`)).toBe(2);
    releaseThird();
  });

  test("a live worker's lease is renewed, so a request longer than the lease keeps its slot", async () => {
    const a = limiter({ vendor: "lease", limit: 100, concurrency: 1, leaseMs: 300 });
    const b = limiter({ vendor: "lease", limit: 100, concurrency: 1, leaseMs: 300 });
    const release = await a.acquire();
    expect(granted(await tryAcquire(b, 1_000))).toBe(false);
    release();
    expect(granted(await tryAcquire(b, 1_000))).toBe(true);
  });

  test("a lease nobody renews expires, freeing the slot", async () => {
    const b = limiter({ vendor: "expiry", limit: 100, concurrency: 1, leaseMs: 400 });
    // A lease as a dead worker leaves it: recorded, never renewed nor released.
    const [seconds, micros] = await admin.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    await admin.zadd(`${b.keyPrefix}leases`, now + 400, "dead-worker");
    const started = performance.now();
    const release = await b.acquire(AbortSignal.timeout(3_000));
    expect(performance.now() - started).toBeGreaterThan(300);
    release();
  });

  test("an abort while waiting rejects with the signal's reason, takes no slot and leaves no timer", async () => {
    const l = limiter({ vendor: "abort", limit: 1, intervalMs: 60_000 });
    (await l.acquire())();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const controller = new AbortController();
    const pending = l.acquire(controller.signal);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(timers()).toBeLessThanOrEqual(before);
    expect((l as unknown as { waits: { size: number } }).waits.size).toBe(0);
    expect(await admin.zcard(`${l.keyPrefix}starts`)).toBe(1);
    await expect(l.acquire(AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
  });

  test("given a client, the limiter works on its own copy and leaves the client as it was", async () => {
    const mine = new Redis(server.url);
    try {
      const l = createRedisLimiter({ redis: mine, vendor: "dup", credential: CREDENTIAL, limit: 5, intervalMs: 60_000 });
      (await l.acquire())();
      expect(await admin.zcard(`${l.keyPrefix}starts`)).toBe(1);
      await l.close();
      expect(await mine.ping()).toBe("PONG");
      expect(mine.options.enableOfflineQueue).toBe(true);
      expect("customerApiAcquire" in mine).toBe(false);
    } finally {
      mine.disconnect();
    }
  });

  test("a pause from one worker holds every worker, on Redis's clock", async () => {
    const a = limiter({ vendor: "pause", limit: 100 });
    const b = limiter({ vendor: "pause", limit: 100 });
    await a.pause(800);
    const ttl = await admin.pttl(`${a.keyPrefix}pause`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(800);
    expect(granted(await tryAcquire(b, 300))).toBe(false);
    const started = performance.now();
    (await b.acquire(AbortSignal.timeout(3_000)))();
    expect(performance.now() - started).toBeGreaterThan(200);
    // A shorter pause never cuts a longer one short.
    await a.pause(1_000);
    await b.pause(10);
    expect(await admin.pttl(`${a.keyPrefix}pause`)).toBeGreaterThan(500);
  });
});
