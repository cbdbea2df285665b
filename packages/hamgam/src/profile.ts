import type { ErrorDetails, VendorProfile } from "@customer-api/core/vendor-kit";

/**
 * How the Hamgam core API behaves (vd.hamgam.online/docs/core/customer, see specs/hamgam.yaml).
 * No `baseUrl`: every tenant has its own host, so the caller must give one. No `rateLimit`: the
 * docs document none. No request id header: Django REST Framework sends none.
 */
export const hamgamProfile: VendorProfile = {
  vendor: "hamgam",
  // DRF TokenAuthentication: `Authorization: Token <api_key>`.
  authScheme: "Token",
  readError: readDrfError,
};

/**
 * DRF error bodies (assumed, the docs show none): `{detail}` from APIException, `{error}` from
 * DRF's `server_error` handler, a validation error's `{field: [messages]}` or `[messages]`, and
 * for an HTML or plain-text page (a Django 500 without a JSON handler, a proxy) the text itself
 * when it is short and not markup.
 */
function readDrfError(body: unknown): ErrorDetails {
  if (typeof body === "string") {
    const text = body.trim();
    return { message: text !== "" && text.length <= 200 && !text.includes("<") ? text : undefined };
  }
  if (Array.isArray(body)) return { message: messages(body)[0] };
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  const code = typeof record.code === "string" || typeof record.code === "number" ? record.code : undefined;
  for (const key of ["detail", "error"]) {
    if (typeof record[key] === "string") return { message: record[key] as string, code };
  }
  const fields: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(record)) {
    const list = messages(value);
    if (list.length > 0 && name !== "code") fields[name] = list;
  }
  const { non_field_errors: general, ...perField } = fields;
  const [firstField] = Object.entries(perField);
  const message = general?.[0] ?? (firstField ? `${firstField[0]}: ${firstField[1][0]}` : undefined);
  return { message, code, fields: Object.keys(fields).length > 0 ? fields : undefined };
}

/** The strings of a DRF message list (or one string), skipping anything else. */
function messages(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((m): m is string => typeof m === "string" && m.trim() !== "");
}
