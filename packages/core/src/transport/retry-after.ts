/**
 * How long a server asked us to wait, from the headers vendors use: `Retry-After` (seconds or an
 * HTTP date), `retry-after-ms`, `X-RateLimit-Reset` (epoch seconds, or seconds from now when small).
 */

const EPOCH_SECONDS_FLOOR = 1_000_000_000; // anything smaller is a delay, not a point in time

/**
 * The wait a response's headers ask for, in milliseconds, or `undefined` when none says. Tried in
 * order: `retry-after-ms`, `Retry-After` (seconds or an HTTP date), `X-RateLimit-Reset` (epoch
 * seconds from 1,000,000,000 up, seconds from now below). A date in the past is 0. `now` is the
 * clock, in epoch milliseconds.
 */
export function retryAfterFromHeaders(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));

  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null) {
    const value = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }

  const reset = headers.get("x-ratelimit-reset");
  if (reset !== null && /^\d+(\.\d+)?$/.test(reset.trim())) {
    const value = Number(reset);
    return value >= EPOCH_SECONDS_FLOOR ? Math.max(0, value * 1000 - now) : Math.ceil(value * 1000);
  }
  return undefined;
}

/**
 * The wait a vendor asked for: its headers first, then the hint in its body (Homele's
 * `retry_after`) through the vendor's own reader, which must never turn a 429 into a crash.
 */
export function requestedWaitMs(
  headers: Headers,
  body: unknown,
  fromBody?: (body: unknown) => number | undefined,
): number | undefined {
  const fromHeaders = retryAfterFromHeaders(headers);
  if (fromHeaders !== undefined || !fromBody) return fromHeaders;
  try {
    return fromBody(body);
  } catch {
    return undefined;
  }
}
