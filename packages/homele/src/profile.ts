import { secondsToMs, type VendorProfile } from "@customer-api/core/vendor-kit";

/** How the Homele CRM API behaves (docs.homele.com, see specs/homele.yaml). */
export const homeleProfile: VendorProfile = {
  vendor: "homele",
  baseUrl: "https://crm.homele.com/api/v2/crm",
  authScheme: "Bearer",
  // "60 requests/minute per user"; no concurrency limit documented.
  rateLimit: { limit: 60, intervalMs: 60_000 },
  // Errors are `{success: false, message}`.
  readError: (body) => {
    const message = (body as { message?: unknown } | null)?.message;
    return { message: typeof message === "string" ? message : undefined };
  },
  // The 429 body repeats the wait as `retry_after` seconds.
  retryAfterFromBody: (body) => secondsToMs((body as { retry_after?: unknown } | null)?.retry_after),
};
