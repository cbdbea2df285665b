import type { ErrorDetails, VendorProfile } from "@customer-api/core/vendor-kit";

/** How the Salla merchant API behaves (docs.salla.dev, see specs/shtara.yaml). */
export const shtaraProfile: VendorProfile = {
  vendor: "shtara",
  // One shared host; the access token selects the store.
  baseUrl: "https://api.salla.dev/admin/v2",
  authScheme: "Bearer",
  // The customers endpoints' own cap: 500 requests per 10 minutes (tighter than any plan's per-minute bucket).
  rateLimit: { limit: 500, intervalMs: 600_000 },
  // Errors are `{status, success: false, error: {code, message, fields?}}`; `code` is a string or an integer.
  readError: (body) => {
    const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown; fields?: unknown } | null | undefined;
    const message = error?.message ?? (body as { message?: unknown } | null)?.message;
    const code = error?.code;
    return {
      message: typeof message === "string" ? message : undefined,
      code: typeof code === "string" || (typeof code === "number" && Number.isFinite(code)) ? code : undefined,
      fields: readFieldErrors(error?.fields),
    };
  },
};

/** `{name: [messages]}` from a 422's `error.fields`; a lone string counts as one message. */
function readFieldErrors(value: unknown): ErrorDetails["fields"] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(value)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === "string");
    if (list.length > 0) fields[name] = list;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}
