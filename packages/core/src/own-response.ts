import { errorFromResponse } from "./error-from-response.js";
import type { ApiError } from "./errors.js";
import type { VendorProfile } from "./profile.js";
import type { RawResult } from "./raw-client.js";
import type { BodyMode } from "./transport/layer.js";

/**
 * A response a middleware supplied or replaced, which the stack never saw: read as openapi-fetch
 * would have, and a non-2xx typed the same way as the stack's own. Loaded with the first such
 * response, so an app without that kind of middleware never ships it.
 */
export async function readOwnResponse(
  result: RawResult,
  bodyMode: BodyMode,
  profile: VendorProfile,
  secrets: ReadonlySet<string>,
): Promise<{ result: RawResult; error?: ApiError }> {
  const { response } = result;
  if (!response.ok) return { result, error: errorFromResponse(profile, response, result.error, { secrets }) };
  if (bodyMode !== "json" || !(result.data instanceof ReadableStream)) return { result };
  const text = await response.text();
  return { result: { data: text === "" ? undefined : JSON.parse(text), response } };
}
