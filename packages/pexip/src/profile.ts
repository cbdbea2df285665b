import type { ErrorDetails, VendorProfile } from "@customer-api/core/vendor-kit";

/** One entry of Pexip's `{errors: [...]}` body. */
interface PexipError {
  message?: unknown;
  code?: unknown;
}

/**
 * Errors are `{errors: [{message, code, type, statusCode}]}`. The first error gives the message
 * and code; the rest stay in `error.body.errors`. No `fields`: Pexip's errors name no field.
 */
export function readPexipError(body: unknown): ErrorDetails {
  const errors = (body as { errors?: unknown } | null)?.errors;
  const first = (Array.isArray(errors) ? errors[0] : undefined) as PexipError | null | undefined;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  return { message: text(first?.message), code: text(first?.code) };
}

/** How the Pexip Engage REST API behaves (developer.pexipengage.com, see specs/pexip.yaml). */
export const pexipProfile: VendorProfile = {
  vendor: "pexip",
  // No `baseUrl`: every enterprise has its own path, built from the `enterprise` option.
  authScheme: "Bearer",
  // "3,000 requests per minute and 4 concurrent requests from a single IP address".
  rateLimit: { limit: 3000, intervalMs: 60_000, concurrency: 4 },
  readError: readPexipError,
  // Pexip does not document echoing the id; core copies the one we sent onto the response.
  requestIdHeaders: ["x-correlation-id"],
};
