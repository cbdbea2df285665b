import { ConnectionError } from "@customer-api/core";

/**
 * The shared limiter could not reach Redis (down, restarting, or slower than `redisTimeoutMs`), so
 * it cannot tell whether a request may start. A `ConnectionError`, because no request was sent and
 * the cause is the network: clients treat it as they treat a dropped connection.
 */
export class RedisLimiterError extends ConnectionError {}
