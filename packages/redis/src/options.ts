import { ConfigurationError, type RateLimitOptions } from "@customer-api/core";
import type { Redis } from "ioredis";
import { isValidVendor } from "./keys.js";

/**
 * The options of {@link createRedisLimiter}. Every worker that shares a limit passes the same
 * `vendor`, `credential`, `limit`, `intervalMs` and `concurrency`: the first two name the keys the
 * workers meet under, the rest are enforced by each worker's script against those keys.
 */
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
  /** The window `limit` counts in, in milliseconds (e.g. `60_000` for "per minute"). */
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

/** The fallback's limits: this worker's share, never less than one request. */
export function fallbackLimits(options: RedisLimiterOptions, fraction: number): RateLimitOptions {
  return {
    limit: Math.max(1, Math.floor(options.limit * fraction)),
    intervalMs: options.intervalMs,
    concurrency: options.concurrency === undefined ? undefined : Math.max(1, Math.floor(options.concurrency * fraction)),
  };
}

/** Reject what the limiter cannot work with, with the option's name, and fill in the defaults. */
export function checkOptions(options: RedisLimiterOptions) {
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
