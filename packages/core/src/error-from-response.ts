import { readErrorOf, retryAfterOf } from "./descriptor/error-reader.js";
import type { ApiError } from "./errors.js";
import { errorClassForStatus, RateLimitError } from "./failure-errors.js";
import type { VendorProfile } from "./profile.js";
import { scrubSecrets, scrubValue } from "./transport/redact.js";
import { requestedWaitMs } from "./transport/retry-after.js";

/** What only the stack knows about a response: how many attempts it took, the exchange's id, the credentials sent. */
export interface ResponseFacts {
  /** Attempts made, retries included (default 1). */
  attempts?: number | undefined;
  /** The exchange's request or correlation id. */
  requestId?: string | undefined;
  /** Credentials sent on the request, scrubbed out of the error's message and body wherever they appear. */
  secrets?: ReadonlySet<string> | undefined;
}

/**
 * Turn a non-2xx response into the right `ApiError` subclass, with the vendor's own message,
 * code, field errors and request id, and any credential scrubbed out of what it carries.
 */
export function errorFromResponse(
  profile: VendorProfile,
  response: Response,
  body: unknown,
  facts: ResponseFacts = {},
): ApiError {
  const { secrets } = facts;
  let details: ReturnType<NonNullable<VendorProfile["readError"]>> = {};
  try {
    details = readErrorOf(profile)?.(body) ?? {};
  } catch {
    // An error body in an unexpected shape still yields an error, just a less specific one.
  }
  const fallback = `${response.status} ${response.statusText || "error"}`.trim();
  const message = scrubSecrets(
    typeof details.message === "string" && details.message.trim() !== "" ? details.message : fallback,
    secrets,
  );
  const init = {
    vendor: profile.vendor,
    status: response.status,
    message,
    code: details.code === undefined || details.code === null ? undefined : String(details.code),
    requestId: facts.requestId,
    body: scrubValue(body === "" ? undefined : body, secrets),
    fields: details.fields,
    response,
    attempts: facts.attempts,
  };
  if (response.status === 429) {
    return new RateLimitError({ ...init, retryAfterMs: requestedWaitMs(response.headers, body, retryAfterOf(profile)) });
  }
  const ErrorClass = errorClassForStatus(response.status);
  return new ErrorClass(init);
}
