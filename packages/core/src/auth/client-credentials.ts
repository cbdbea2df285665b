import type { ClientCredentialsOptions } from "./client-credentials-provider.js";
import { deferredProvider, type TokenProvider } from "./token-provider.js";

export type { ClientCredentialsOptions };

/**
 * OAuth2 client credentials (RFC 6749 section 4.4): the token cached until shortly before it
 * expires, one token request in flight however many requests wait. The provider and its token
 * request load with the first token asked for, so an app that passes a plain token never ships them.
 *
 * A token without `expires_in` is kept for 5 minutes. A refused request rejects with
 * `AuthenticationError`, an unreachable endpoint with `ConnectionError`; neither carries the client secret.
 *
 * @example
 * ```ts
 * // Any client's `token` option takes it.
 * const token = clientCredentials({
 *   tokenUrl: "https://auth.example.com/oauth/token",
 *   clientId: process.env.CLIENT_ID!,
 *   clientSecret: process.env.CLIENT_SECRET!,
 *   scope: ["customers:read"],
 * });
 * ```
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  return deferredProvider(() => import("./client-credentials-provider.js").then((m) => m.createClientCredentials(options)));
}
