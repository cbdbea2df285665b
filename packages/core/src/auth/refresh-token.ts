import type { RefreshTokenOptions, RefreshTokenSet } from "./refresh-token-provider.js";
import { deferredProvider, type TokenProvider } from "./token-provider.js";

export type { RefreshTokenOptions, RefreshTokenSet };

/**
 * Access tokens from a refresh token that the vendor accepts only once, refreshes strictly
 * serialized. The provider and its token request load with the first token asked for.
 *
 * A token is refreshed `expirySkewMs` (default 30 s) before its `expiresAt`, and after a 401. A
 * refused refresh rejects with `AuthenticationError` (the endpoint's `error` as `code`), an
 * unreachable endpoint with `ConnectionError`, an answer without `access_token` with
 * `InvalidResponseError`; none of them carries the tokens or the client secret.
 *
 * @example
 * ```ts
 * // Any client's `token` option takes it; `store` is where your app keeps the tokens.
 * const token = refreshingToken({
 *   tokenUrl: "https://auth.example.com/oauth/token",
 *   clientId: process.env.CLIENT_ID!,
 *   clientSecret: process.env.CLIENT_SECRET!,
 *   tokens: await store.load(),
 *   onRefresh: (tokens) => store.save(tokens), // the old refresh token is spent
 * });
 * ```
 */
export function refreshingToken(options: RefreshTokenOptions): TokenProvider {
  // The tokens as they are now: what the caller does with its object afterwards does not change them.
  const settings = { ...options, tokens: { ...options.tokens } };
  return deferredProvider(() => import("./refresh-token-provider.js").then((m) => m.createRefreshingToken(settings)));
}
