import { randomUUID } from "node:crypto";
import { ConfigurationError, type Limiter, RateLimiter, type RateLimitOptions } from "@customer-api/core";
import type { Redis } from "ioredis";
import { openConnection, whenReady } from "./connection.js";
import { RedisLimiterError } from "./errors.js";
import { isValidVendor, type LimiterKeys, limiterKeys } from "./keys.js";
import { ACQUIRE, PAUSE, REFRESH, Verdict } from "./scripts.js";
import { Waits } from "./wait.js";

export interface RedisLimiterOptions {
  /** An ioredis client to take the connection settings from; the limiter opens its own copy of it. */
  redis?: Redis;
  /** Or a `redis://` / `rediss://` URL. Give exactly one of `redis` and `url`. */
  url?: string;
  /** The vendor whose limit this is, e.g. `"pexip"`: part of every key. */
  vendor: string;
  /**
   * What the vendor counts the limit against: the API key, client id or egress IP. Only a SHA-256
   * prefix of it is stored, never the value.
   */
  credential: string;
  /** Request starts allowed in any `intervalMs`, across all workers. */
  limit: number;
  intervalMs: number;
  /** Requests in flight at once across all workers (default: no cap). */
  concurrency?: number;
  /**
   * How long a slot stays taken when its worker stops answering (killed, frozen); default 30 s. A
   * live worker renews its lease every third of this, so requests may run longer.
   */
  leaseMs?: number;
  /**
   * Widens the window by this much (default 2% of `intervalMs`, at most 1 s): the vendor counts
   * requests as they arrive, and the time between our decision and the arrival varies from one
   * request to the next, which can pull two starts closer together than they were decided.
   */
  marginMs?: number;
  /**
   * When Redis cannot be reached or answers slower than `redisTimeoutMs`: `"fail"` (default)
   * rejects `acquire` at once with a `RedisLimiterError`; `"fallback"` hands the request to an
   * in-memory limiter at `fallbackFraction` of the limit, and goes back to Redis once it answers.
   */
  onRedisError?: "fail" | "fallback";
  /** This worker's share of `limit` and `concurrency` while on the fallback; default 1/4 (four workers). */
  fallbackFraction?: number;
  /** A Redis command slower than this counts as a failure; default 1000 ms. */
  redisTimeoutMs?: number;
  /** Longest pause between two asks while every concurrency slot is taken elsewhere; default 25 ms. */
  pollMs?: number;
}

/** The calls the limiter adds to its own connection, one per script. */
interface LimiterCommands {
  customerApiAcquire(...args: [string, string, string, number, number, number, number, string]): Promise<[number, number]>;
  customerApiRefresh(...args: [string, string, string, number, string]): Promise<number>;
  customerApiPause(...args: [string, string, string, number]): Promise<number>;
}

/**
 * A `Limiter` whose state lives in Redis, so every worker process and machine that uses the same
 * vendor and credential shares one limit: at most `limit` starts in any `intervalMs`, at most
 * `concurrency` in flight, and one pause when any of them is told to wait by a 429.
 */
export class RedisLimiter implements Limiter {
  readonly vendor: string;
  readonly limit: number;
  readonly intervalMs: number;
  readonly concurrency: number | undefined;
  readonly leaseMs: number;
  /** Where this limiter's keys start; the credential appears only as a hash prefix. */
  readonly keyPrefix: string;
  private readonly keys: LimiterKeys;
  private readonly windowMs: number;
  private readonly timeoutMs: number;
  private readonly pollMs: number;
  private readonly redis: Redis & LimiterCommands;
  private readonly fallback: RateLimiter | undefined;
  private readonly waits = new Waits();
  private everReady = false;
  private lastConnectionError: Error | undefined;
  private lastBackend: "redis" | "fallback" | undefined;

  constructor(options: RedisLimiterOptions) {
    const settings = checkOptions(options);
    this.vendor = options.vendor;
    this.limit = options.limit;
    this.intervalMs = options.intervalMs;
    this.concurrency = options.concurrency;
    this.leaseMs = settings.leaseMs;
    this.windowMs = options.intervalMs + settings.marginMs;
    this.timeoutMs = settings.redisTimeoutMs;
    this.pollMs = settings.pollMs;
    this.keys = limiterKeys(options.vendor, options.credential);
    this.keyPrefix = this.keys.prefix;
    this.fallback =
      settings.onRedisError === "fallback" ? new RateLimiter(fallbackLimits(options, settings.fallbackFraction)) : undefined;

    const source = options.redis ? { redis: options.redis } : { url: options.url! };
    const redis = openConnection(source, this.timeoutMs) as Redis & LimiterCommands;
    redis.defineCommand("customerApiAcquire", { lua: ACQUIRE, numberOfKeys: 3 });
    redis.defineCommand("customerApiRefresh", { lua: REFRESH, numberOfKeys: 3 });
    redis.defineCommand("customerApiPause", { lua: PAUSE, numberOfKeys: 3 });
    redis.on("ready", () => {
      this.everReady = true;
      this.lastConnectionError = undefined;
    });
    // Without a listener ioredis prints every reconnect failure; the limiter reports them itself.
    redis.on("error", (error: Error) => {
      this.lastConnectionError = error;
    });
    this.redis = redis;
  }

  /** Which limiter decided the last `acquire`: the shared one on Redis, or the in-memory fallback. */
  get backend(): "redis" | "fallback" | undefined {
    return this.lastBackend;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    const id = randomUUID();
    const { starts, leases, pause } = this.keys;
    for (;;) {
      let verdict: number;
      let waitMs: number;
      try {
        await whenReady(this.redis, this.everReady, this.timeoutMs);
        [verdict, waitMs] = await this.redis.customerApiAcquire(
          starts, leases, pause, this.limit, this.windowMs, this.concurrency ?? 0, this.leaseMs, id,
        );
      } catch (error) {
        return this.withoutRedis(error, signal);
      }
      this.lastBackend = "redis";
      if (verdict === Verdict.Granted) {
        if (signal?.aborted) {
          // The grant came back after the caller gave up: hand both the start and the slot back.
          this.redis.zrem(starts, id).catch(ignore);
          this.redis.zrem(leases, id).catch(ignore);
          throw signal.reason;
        }
        return this.hold(id);
      }
      // The window and a pause end at a known time; a concurrency slot frees whenever another worker
      // finishes, which only polling (or a release in this process) reveals.
      const sleepMs = verdict === Verdict.Concurrency ? Math.min(waitMs, this.pollMs * (0.5 + Math.random())) : waitMs;
      await this.waits.sleep(sleepMs, signal);
    }
  }

  /**
   * Hold every worker's next start until `ms` from now (a 429 said so). Never rejects: when Redis is
   * away the pause still reaches the fallback, and the 429's own retry waits regardless.
   */
  async pause(ms: number): Promise<void> {
    this.fallback?.pause(ms);
    const { starts, leases, pause } = this.keys;
    try {
      await whenReady(this.redis, this.everReady, this.timeoutMs);
      await this.redis.customerApiPause(starts, leases, pause, Math.ceil(ms));
    } catch {
      // Nothing more to do: see above.
    }
  }

  /** Close the limiter's Redis connection; waiting and later calls fail (or fall back) after this. */
  async close(): Promise<void> {
    try {
      if (this.redis.status === "ready") await this.redis.quit();
    } catch {
      // Quitting failed because the connection went away first; disconnecting below is enough.
    }
    this.redis.disconnect();
    this.waits.wakeAll();
  }

  /** The slot is ours: keep its lease alive while the request runs, and give it back once. */
  private hold(id: string): () => void {
    const { starts, leases, pause } = this.keys;
    const capped = this.concurrency !== undefined;
    const refresh = capped
      ? setInterval(() => {
          this.redis.customerApiRefresh(starts, leases, pause, this.leaseMs, id).catch(ignore);
        }, this.leaseMs / 3)
      : undefined;
    // A forgotten release must not keep the process alive.
    (refresh as { unref?: () => void } | undefined)?.unref?.();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      clearInterval(refresh);
      if (!capped) return;
      // If this fails, the lease expires by itself within `leaseMs`.
      this.redis.zrem(leases, id).catch(ignore);
      // Sent before any waiter here asks again, on the same connection, so they see the free slot.
      this.waits.wakeAll();
    };
  }

  private withoutRedis(error: unknown, signal: AbortSignal | undefined): Promise<() => void> {
    if (this.fallback) {
      this.lastBackend = "fallback";
      return this.fallback.acquire(signal);
    }
    throw new RedisLimiterError({
      vendor: this.vendor,
      message: `${this.vendor}: the shared rate limiter could not reach Redis (${this.describe(error)}), so the request was not sent`,
      cause: error,
    });
  }

  /** Why Redis failed, in words: the connection's last error says more than "stream isn't writeable". */
  private describe(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (this.redis.status === "ready") return message;
    const last = this.lastConnectionError?.message;
    return `connection ${this.redis.status}${last ? `: ${last}` : ""}`;
  }
}

function ignore(): void {}

/** A limiter whose state is shared through Redis by every worker with the same vendor and credential. */
export function createRedisLimiter(options: RedisLimiterOptions): RedisLimiter {
  return new RedisLimiter(options);
}

/** The fallback's limits: this worker's share, never less than one request. */
function fallbackLimits(options: RedisLimiterOptions, fraction: number): RateLimitOptions {
  return {
    limit: Math.max(1, Math.floor(options.limit * fraction)),
    intervalMs: options.intervalMs,
    concurrency: options.concurrency === undefined ? undefined : Math.max(1, Math.floor(options.concurrency * fraction)),
  };
}

/** Reject what the limiter cannot work with, with the option's name, and fill in the defaults. */
function checkOptions(options: RedisLimiterOptions) {
  const vendor = typeof options.vendor === "string" ? options.vendor : "";
  const fail = (message: string): never => {
    throw new ConfigurationError({ vendor: vendor || "redis", message: `createRedisLimiter: ${message}` });
  };
  if (!isValidVendor(vendor)) fail("`vendor` must be letters, digits, `.`, `_` or `-`");
  if (typeof options.credential !== "string" || options.credential === "") fail("`credential` must be a non-empty string");
  if ((options.redis === undefined) === (options.url === undefined)) fail("give exactly one of `redis` and `url`");
  if (!(Number.isInteger(options.limit) && options.limit > 0)) fail("`limit` must be a positive integer");
  if (!(options.intervalMs > 0 && Number.isFinite(options.intervalMs))) fail("`intervalMs` must be a positive number");
  if (options.concurrency !== undefined && !(Number.isInteger(options.concurrency) && options.concurrency >= 1)) {
    fail("`concurrency` must be a whole number >= 1");
  }
  const leaseMs = options.leaseMs ?? 30_000;
  if (!(Number.isInteger(leaseMs) && leaseMs >= 100)) fail("`leaseMs` must be a whole number >= 100");
  const marginMs = options.marginMs ?? Math.min(1_000, Math.ceil(options.intervalMs * 0.02));
  if (!(Number.isInteger(marginMs) && marginMs >= 0)) fail("`marginMs` must be a whole number >= 0");
  const onRedisError = options.onRedisError ?? "fail";
  if (onRedisError !== "fail" && onRedisError !== "fallback") fail('`onRedisError` must be "fail" or "fallback"');
  const fallbackFraction = options.fallbackFraction ?? 0.25;
  if (!(fallbackFraction > 0 && fallbackFraction <= 1)) fail("`fallbackFraction` must be in (0, 1]");
  const redisTimeoutMs = options.redisTimeoutMs ?? 1_000;
  if (!(redisTimeoutMs > 0)) fail("`redisTimeoutMs` must be positive");
  const pollMs = options.pollMs ?? 25;
  if (!(pollMs > 0)) fail("`pollMs` must be positive");
  return { leaseMs, marginMs, onRedisError, fallbackFraction, redisTimeoutMs, pollMs };
}
