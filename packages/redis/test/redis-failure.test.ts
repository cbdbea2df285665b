/** What the shared limiter does when Redis is down at start, restarts mid-run, or is slow. */
import { ConnectionError, type VendorProfile } from "@customer-api/core";
import { createApiClient } from "@customer-api/core/vendor-kit";
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createRedisLimiter, type RedisLimiter, RedisLimiterError, type RedisLimiterOptions } from "../src/index.js";
import { describeWithRedis, type RedisServer, startRedis } from "./redis-server.js";

const profile: VendorProfile = { vendor: "acme" };

describeWithRedis("when Redis fails", () => {
  let redis: RedisServer;
  let http: TestServer;
  const open: RedisLimiter[] = [];
  const limiter = (options: Partial<RedisLimiterOptions>) => {
    const made = createRedisLimiter({
      url: redis.url,
      vendor: "acme",
      credential: "key-1",
      limit: 1_000,
      intervalMs: 1_000,
      ...options,
    });
    open.push(made);
    return made;
  };
  const client = (rateLimit: RedisLimiter) => createApiClient<any>(profile, { baseUrl: http.url, rateLimit, maxRetries: 0 });
  /** One GET through the whole client stack: "ok", or the error's class name. */
  const call = async (api: ReturnType<typeof client>) => {
    try {
      const result = await api.client.GET("/ping", {});
      return result.response.ok ? "ok" : `status ${result.response.status}`;
    } catch (error) {
      return (error as Error).name;
    }
  };

  beforeAll(async () => {
    redis = await startRedis();
    http = await startServer((_req, res) => json(res, 200, { ok: true }));
  }, 15_000);
  afterAll(async () => {
    await Promise.all(open.map((l) => l.close()));
    await http?.close();
    await redis?.dispose();
  }, 15_000);

  test("Redis down at start: the call fails at once with a RedisLimiterError naming Redis, and nothing is sent", async () => {
    const down = limiter({ url: "redis://127.0.0.1:1" });
    const started = performance.now();
    const error = await down.acquire().catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(error).toBeInstanceOf(RedisLimiterError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/Redis/);
    expect((error as RedisLimiterError).vendor).toBe("acme");

    const before = http.requests.length;
    expect(await call(client(down))).toBe("RedisLimiterError");
    expect(http.requests.length).toBe(before);
  });

  test("Redis down at start with the fallback: calls go on through the in-memory limiter at its share", async () => {
    const down = limiter({
      url: "redis://127.0.0.1:1",
      onRedisError: "fallback",
      limit: 8,
      intervalMs: 60_000,
      fallbackFraction: 0.25,
    });
    expect(await call(client(down))).toBe("ok");
    expect(down.backend).toBe("fallback");
    (await down.acquire())();
    // 8 x 0.25 = 2 per interval: a third start waits.
    await expect(down.acquire(AbortSignal.timeout(300))).rejects.toMatchObject({ name: "TimeoutError" });
  });

  test("Redis slower than redisTimeoutMs counts as down", async () => {
    const slow = limiter({ vendor: "slow", redisTimeoutMs: 200 });
    (await slow.acquire())();
    const admin = new Redis(redis.url);
    try {
      await admin.client("PAUSE", 1_000, "ALL");
      const error = await slow.acquire().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisLimiterError);
      expect((error as Error).message).toMatch(/Redis.*timed out/i);
      await new Promise((r) => setTimeout(r, 1_000));
      (await slow.acquire())();
    } finally {
      admin.disconnect();
    }
  });

  test("Redis restarted mid-run: by default calls fail fast during the outage and recover after it", async () => {
    const failing = limiter({ vendor: "restart-fail" });
    const falling = limiter({ vendor: "restart-fallback", onRedisError: "fallback", limit: 400, fallbackFraction: 0.5 });
    const apiFail = client(failing);
    const apiFallback = client(falling);
    const outcomes = { fail: [] as string[], fallback: [] as string[], backends: new Set<string>() };
    const run = async (until: () => boolean) => {
      while (!until()) {
        outcomes.fail.push(await call(apiFail));
        outcomes.fallback.push(await call(apiFallback));
        outcomes.backends.add(falling.backend ?? "none");
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    let phase: "before" | "outage" | "after" = "before";
    let afterCount = 0;
    const loop = run(() => phase === "after" && ++afterCount > 20);
    await new Promise((r) => setTimeout(r, 300));
    await redis.stop();
    phase = "outage";
    await new Promise((r) => setTimeout(r, 600));
    await redis.restart();
    // Back on Redis once it answers again (the connection retries at most a second apart).
    const deadline = Date.now() + 5_000;
    while (
      Date.now() < deadline &&
      (await failing.acquire().then(
        (release) => {
          release();
          return true;
        },
        () => false,
      )) === false
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    phase = "after";
    await loop;

    expect(outcomes.fail).toContain("ok");
    expect(outcomes.fail).toContain("RedisLimiterError");
    expect(outcomes.fail.every((o) => o === "ok" || o === "RedisLimiterError")).toBe(true);
    expect(outcomes.fail.slice(-5)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect(outcomes.fallback.every((o) => o === "ok")).toBe(true);
    expect([...outcomes.backends].sort()).toEqual(["fallback", "redis"]);
    expect(falling.backend).toBe("redis");
  }, 20_000);
});
