/**
 * The limiter's decisions, as Lua that Redis runs atomically: no other worker's command can fall
 * between reading the window and recording a start. Every script reads the clock with Redis's
 * own `TIME`, so workers on machines whose clocks disagree still share one timeline.
 *
 * Keys, always in this order: 1 = start log (sorted set, score = start time), 2 = leases (sorted
 * set, score = expiry time), 3 = pause (string, the time until which every start waits).
 */

/** Milliseconds on Redis's clock; the same two lines open every script. */
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** What `acquire` answers: granted, or why not and how long until it is worth asking again. */
export const Verdict = { Granted: 0, Paused: 1, Window: 2, Concurrency: 3 } as const;

/**
 * ARGV: limit, window (ms), concurrency (0 = none), lease (ms), id of this acquisition.
 * Returns { verdict, waitMs }. A grant records the start and, with a concurrency cap, a lease
 * that expires on its own, so a worker that dies holding it frees the slot after `lease` ms.
 */
export const ACQUIRE = `${NOW}
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local concurrency = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local id = ARGV[5]

local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then return { ${Verdict.Paused}, paused - now } end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return { ${Verdict.Window}, math.max(1, tonumber(oldest[2]) + window - now) }
end

if concurrency > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('ZCARD', KEYS[2]) >= concurrency then
    local soonest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
    return { ${Verdict.Concurrency}, math.max(1, tonumber(soonest[2]) - now) }
  end
  redis.call('ZADD', KEYS[2], now + lease, id)
  redis.call('PEXPIRE', KEYS[2], lease + 1000)
end

redis.call('ZADD', KEYS[1], now, id)
redis.call('PEXPIRE', KEYS[1], window + 1000)
return { ${Verdict.Granted}, 0 }
`;

/**
 * ARGV: lease (ms), id. Pushes a live lease's expiry out by another `lease` from now, so a request
 * longer than the lease keeps its slot. A lease already gone (expired while this worker stalled)
 * is not brought back: its slot may have been handed on. Returns 1 if the lease was extended.
 */
export const REFRESH = `${NOW}
local lease = tonumber(ARGV[1])
local extended = redis.call('ZADD', KEYS[2], 'XX', 'CH', now + lease, ARGV[2])
if extended == 1 then redis.call('PEXPIRE', KEYS[2], lease + 1000) end
return extended
`;

/** ARGV: ms. Holds every start until `ms` from now, unless a longer pause is already set. */
export const PAUSE = `${NOW}
local ms = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[3]) or '0')
if now + ms > current then redis.call('SET', KEYS[3], now + ms, 'PX', ms) end
return 0
`;
