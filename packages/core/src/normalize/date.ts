type TzLib = typeof import("@date-fns/tz");
let tzLib: Promise<TzLib> | undefined;
/** @date-fns/tz is loaded only when a zone-less local time has to be placed in a named zone. */
const loadTzLib = () => (tzLib ??= import("@date-fns/tz"));

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;

/**
 * A timestamp as an ISO 8601 UTC string (`toISOString()` form), or `null` when it cannot be read.
 * Accepts ISO strings with an offset, epoch milliseconds, `Date`s, and local times such as
 * `2020-04-02 22:43:26.000000`, which are read in `timeZone` (an IANA name) or else as UTC.
 */
export async function toUtcIso(value: unknown, timeZone?: string | null): Promise<string | null> {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? safeIso(new Date(value)) : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "" || text.toLowerCase() === "null") return null;
  if (HAS_OFFSET.test(text)) return safeIso(new Date(text));
  const match = LOCAL.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0"] = match;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms] as const;
  if (!timeZone || timeZone.toUpperCase() === "UTC") return safeIso(new Date(Date.UTC(...parts)));
  const { TZDate } = await loadTzLib();
  try {
    const zoned = new TZDate(...parts, timeZone);
    return safeIso(new Date(zoned.getTime()));
  } catch {
    return null; // an unknown zone name
  }
}

function safeIso(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
