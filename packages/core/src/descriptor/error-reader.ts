import type { VendorProfile } from "../profile.js";
import { type ErrorDetails, secondsToMs } from "../profile.js";
import { readPointer } from "./read-pointer.js";
import type { VendorDescriptor } from "./types.js";

type Errors = VendorDescriptor["errors"];

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const first = <T>(pointers: Errors["message"], body: unknown, pick: (value: unknown) => T | undefined): T | undefined => {
  for (const pointer of pointers) {
    const value = pick(readPointer(body as never, pointer));
    if (value !== undefined) return value;
  }
  return undefined;
};

/** `{field: [messages]}` (a lone string counts as one message), leaving out the keys in `skip`. */
function fieldMap(value: unknown, skip: ReadonlySet<string>): Record<string, string[]> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(value)) {
    if (skip.has(name)) continue;
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => text(m) !== undefined);
    if (list.length > 0) fields[name] = list;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * Reads an error body the way the spec's `x-customer-api.errors` says: the first pointer that finds a
 * value wins. A body the pointers miss still says something: a short plain-text body or the first
 * string of an array body is the message, and so is the first field error.
 */
export function errorReader(errors: Errors): (body: unknown) => ErrorDetails & { requestId?: string } {
  // Keys read as the message or code are not field errors when the fields are the body itself.
  const topLevel = new Set([...errors.message, ...errors.code].map((pointer) => pointer.split("/")[1] ?? ""));
  return (body) => {
    const fields = first(errors.fields, body, (value) => fieldMap(value, value === body ? topLevel : new Set()));
    const [firstField] = Object.entries(fields ?? {});
    const message =
      first(errors.message, body, text) ??
      (typeof body === "string" && body.trim().length <= 200 && !body.includes("<") ? text(body.trim()) : undefined) ??
      (Array.isArray(body) ? body.map(text).find((m) => m !== undefined) : undefined) ??
      (firstField ? `${firstField[0]}: ${firstField[1][0]}` : undefined);
    const code = first(errors.code, body, (value) =>
      typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? value : undefined,
    );
    return { message, code, fields, requestId: first(errors.requestId, body, text) };
  };
}

/** The wait a 429 body asks for, in milliseconds, from `x-customer-api.retryAfter`. */
export function retryAfterReader(hint: VendorDescriptor["retryAfter"]): ((body: unknown) => number | undefined) | undefined {
  if (!hint) return undefined;
  return (body) => {
    const ms = secondsToMs(readPointer(body as never, hint.at));
    return ms === undefined ? undefined : hint.unit === "milliseconds" ? ms / 1000 : ms;
  };
}

/** The profile's error-body reader: its own, or one made from the spec's facts. */
export const readErrorOf = (profile: VendorProfile) =>
  profile.readError ?? (profile.errors ? errorReader(profile.errors) : undefined);

/** The profile's 429-body wait reader: its own, or one made from the spec's facts. */
export const retryAfterOf = (profile: VendorProfile) => profile.retryAfterFromBody ?? retryAfterReader(profile.retryAfter);
