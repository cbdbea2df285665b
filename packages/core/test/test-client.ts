/** A core client over an untyped path set, for testing the stack without a vendor. */
import { type ClientOptions, createApiClient, type VendorProfile } from "../src/vendor-kit.js";

export const testProfile: VendorProfile = {
  vendor: "acme",
  readError: (body) => {
    const b = body as { message?: string; code?: string } | null;
    return { message: b?.message, code: b?.code };
  },
  retryAfterFromBody: (body) => {
    const s = (body as { retry_after?: unknown } | null)?.retry_after;
    return typeof s === "number" ? s * 1000 : undefined;
  },
  requestIdHeaders: ["x-request-id"],
};

export function testClient(baseUrl: string, options: ClientOptions = {}) {
  return createApiClient<any>(testProfile, { token: "sk-test-SECRET-123", rateLimit: false, baseUrl, ...options });
}

/** GET a path and turn a non-2xx into its ApiError, as the customers methods do. */
export async function getOrThrow(api: ReturnType<typeof testClient>, path: string, init: Record<string, unknown> = {}) {
  return api.unwrap(await api.client.GET(path as never, init as never));
}
