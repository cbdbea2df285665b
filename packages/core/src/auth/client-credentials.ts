import type { ClientCredentialsOptions } from "./client-credentials-provider.js";
import { deferredProvider, type TokenProvider } from "./token-provider.js";

export type { ClientCredentialsOptions };

/**
 * OAuth2 client credentials (RFC 6749 section 4.4): the token cached until shortly before it
 * expires, one token request in flight however many requests wait. The provider and its token
 * request load with the first token asked for, so an app that passes a plain token never ships them.
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenProvider {
  return deferredProvider(() => import("./client-credentials-provider.js").then((m) => m.createClientCredentials(options)));
}
