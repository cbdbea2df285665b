import { randomUUID } from "node:crypto";
import { type Limiter, RateLimiter } from "@customer-api/core";
import type { Redis } from "ioredis";
import { openConnection, whenReady } from "./connection.js";
import { RedisLimiterError } from "./errors.js";
import { type LimiterKeys, limiterKeys } from "./keys.js";
import { checkOptions, fallbackLimits, type RedisLimiterOptions } from "./options.js";
import { ACQUIRE, PAUSE, REFRESH, Verdict } from "./scripts.js";
import { Waits } from "./wait.js";

export type { RedisLimiterOptions } from "./options.js";

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
 *
 * Built by {@link createRedisLimiter}; the constructor takes the same options. It opens its own
 * Redis connection, which keeps a Node process alive until {@link RedisLimiter.close} is called.
 */
export class RedisLimiter implements Limiter {
  /** The vendor whose limit this is; part of every key and carried on errors. */
  readonly vendor: string;
  /** Request starts allowed in any `intervalMs`, across all workers. */
  readonly limit: number;
  /** The window, in milliseconds (before `marginMs` widens it). */
  readonly intervalMs: number;
  /** Requests in flight at once across all workers; `undefined` when not capped. */
  readonly concurrency: number | undefined;
  /** How long a dead worker's slot stays taken, in milliseconds. */
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
          starts,
          leases,
          pause,
          this.limit,
          this.windowMs,
          this.concurrency ?? 0,
          this.leaseMs,
          id,
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

/**
 * A limiter whose state is shared through Redis by every worker with the same vendor and credential.
 * Pass it as the `rateLimit` option of every worker's client.
 *
 * Throws `ConfigurationError` at once, naming the option, for settings it cannot work with (no or
 * both of `redis` and `url`, an empty `credential`, a `vendor` that is not a plain name, a limit
 * that is not a positive whole number). When Redis cannot be reached, `acquire` rejects with
 * {@link RedisLimiterError} and no request is sent, unless `onRedisError: "fallback"`.
 *
 * @example
 * ```ts
 * const limiter = createRedisLimiter({
 *   url: process.env.REDIS_URL!,
 *   vendor: "pexip",
 *   credential: process.env.PEXIP_CLIENT_ID!, // what Pexip counts by; only a hash of it is stored
 *   limit: 3_000,
 *   intervalMs: 60_000,
 *   concurrency: 4,
 * });
 * const pexip = createPexipClient({ enterprise: "acme", token, rateLimit: limiter });
 * // …
 * await limiter.close(); // its Redis connection keeps the process alive until closed
 * ```
 */
export function createRedisLimiter(options: RedisLimiterOptions): RedisLimiter {
  return new RedisLimiter(options);
}
