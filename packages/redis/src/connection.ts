import { Redis, type RedisOptions } from "ioredis";

/**
 * The limiter's own Redis connection, set up to fail fast: a limiter that queued its commands
 * while Redis is away would hold every request for as long as the outage lasts, which is the
 * "hang" the caller chose `onRedisError` to avoid.
 */
export function limiterConnectionOptions(timeoutMs: number): RedisOptions {
  return {
    // Refuse commands at once while disconnected, instead of queueing them until Redis is back.
    enableOfflineQueue: false,
    // A command in flight when the connection drops fails instead of being resent on reconnect.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // A Redis that answers slower than this counts as down.
    commandTimeout: timeoutMs,
    connectTimeout: Math.max(timeoutMs, 1_000),
    // Keep trying in the background, never more than a second apart, so the limiter is back on
    // Redis soon after Redis is.
    retryStrategy: (times: number) => Math.min(50 * times, 1_000),
  };
}

/**
 * A connection the limiter owns and may close. Given the caller's client, it makes a duplicate
 * (same host, auth, TLS and database) with the settings above, leaving the caller's client and its
 * settings as they were.
 */
export function openConnection(source: { redis: Redis } | { url: string }, timeoutMs: number): Redis {
  const options = limiterConnectionOptions(timeoutMs);
  return "redis" in source ? source.redis.duplicate(options) : new Redis(source.url, options);
}

/**
 * Resolves once the connection can take a command; rejects at once when it cannot. The only wait
 * is for the very first connection, which a limiter used right after it was made has not finished
 * yet; a connection lost later is never waited for.
 */
export function whenReady(redis: Redis, everReady: boolean, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  if (everReady || !(redis.status === "connecting" || redis.status === "connect" || redis.status === "wait")) {
    return Promise.reject(new Error(`the connection is ${redis.status}`));
  }
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      redis.off("error", onError);
      redis.off("end", onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => done();
    const onError = (error: Error) => done(error);
    const onEnd = () => done(new Error("the connection was closed"));
    const timer = setTimeout(() => done(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
    redis.once("ready", onReady);
    redis.once("error", onError);
    redis.once("end", onEnd);
    if (redis.status === "wait") redis.connect().catch(() => undefined);
  });
}
