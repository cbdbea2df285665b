import type { VendorDescriptor } from "./descriptor/types.js";
import type { RateLimitOptions } from "./transport/limiter.js";

/** What a vendor's error body says, read by the vendor's own `readError`. */
export interface ErrorDetails {
  /** The vendor's message; the error falls back to `<status> <statusText>` without one. */
  message?: string | undefined;
  /** The vendor's error code; a number becomes a string on the error. */
  code?: string | number | undefined;
  /** Per-field validation messages: field name to its messages. */
  fields?: Record<string, string[]> | undefined;
}

/**
 * How one vendor's API behaves. A vendor package fills this in once; core reads it and never
 * names a vendor itself.
 */
export interface VendorProfile {
  /** Short name carried on every error and log event, e.g. the package name without scope. */
  vendor: string;
  /** Base URL used when the caller gives none. Omit it where every tenant has its own host. */
  baseUrl?: string;
  /** The word before the token in `Authorization`: `Bearer` (default), `Token`, … */
  authScheme?: string;
  /** The vendor's documented limit; the client's default unless the caller overrides it. */
  rateLimit?: RateLimitOptions;
  /** Pull message, code and field errors out of an error body. */
  readError?(body: unknown): ErrorDetails;
  /** Response headers that carry the vendor's request or correlation id, first match wins. */
  requestIdHeaders?: readonly string[];
  /** A wait the vendor puts in its 429 body (Homele's `retry_after`), in milliseconds. */
  retryAfterFromBody?(body: unknown): number | undefined;
  /**
   * Where the error body keeps its message, code, field errors and request id, as the spec says:
   * read (when `readError` is absent) by code that loads with the first failure.
   */
  errors?: VendorDescriptor["errors"];
  /** Where a 429 body keeps its wait, as the spec says (when `retryAfterFromBody` is absent). */
  retryAfter?: VendorDescriptor["retryAfter"];
}

/** A vendor's "wait N seconds" body field as milliseconds (for `retryAfterFromBody`); anything that is not a non-negative number is ignored. */
export function secondsToMs(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
}
