import { type ErrorDetails, secondsToMs, type VendorProfile } from "@customer-api/core/vendor-kit";

type Envelope = { success?: unknown; message?: unknown; body?: unknown };
type Problem = { title?: unknown; detail?: unknown };
type Detail = { code?: unknown; errors?: unknown; retry_after?: unknown };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const asObject = <T>(value: unknown) => (typeof value === "object" && value !== null ? (value as T) : undefined);

/** `body.errors` as `{field: [messages]}`, keeping only string messages. */
function fieldErrors(errors: unknown): Record<string, string[]> | undefined {
  const byField = asObject<Record<string, unknown>>(errors);
  if (!byField || Array.isArray(byField)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(byField)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === "string");
    if (list.length > 0) fields[field] = list;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** How the Coax API behaves (docs.coax.com.au, see specs/coax.yaml). */
export const coaxProfile: VendorProfile = {
  vendor: "coax",
  // Assumed host (x-assumption in the spec); the paths carry their own `/api/v2` prefix.
  baseUrl: "https://api.coax.com.au",
  authScheme: "Bearer",
  // Coax documents no rate limit, so there is no default limiter.
  // Coax fails with `{success: false, message, body}`; its Zuplo gateway may answer 401/429
  // itself in problem+json (`{type, title, status, detail}`).
  readError: (body): ErrorDetails => {
    const envelope = asObject<Envelope & Problem>(body);
    if (!envelope) return {};
    if (!("success" in envelope) && ("title" in envelope || "detail" in envelope)) {
      return { message: text(envelope.detail) ?? text(envelope.title) };
    }
    const detail = asObject<Detail>(envelope.body);
    const code = detail?.code;
    return {
      message: text(envelope.message),
      code: typeof code === "string" || (typeof code === "number" && Number.isFinite(code)) ? code : undefined,
      fields: fieldErrors(detail?.errors),
    };
  },
  // Retry-After comes first; the envelope's `body.retry_after` seconds is the fallback.
  retryAfterFromBody: (body) => secondsToMs(asObject<Detail>(asObject<Envelope>(body)?.body)?.retry_after),
};
