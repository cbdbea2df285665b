export { RedisLimiterError } from "./errors.js";
export { createRedisLimiter, RedisLimiter, type RedisLimiterOptions } from "./redis-limiter.js";
