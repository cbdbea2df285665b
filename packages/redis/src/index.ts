export { createRedisLimiter, RedisLimiter, type RedisLimiterOptions } from "./redis-limiter.js";
export { RedisLimiterError } from "./errors.js";
