import type { RefreshTokenOptions, RefreshTokenSet } from "./refresh-token-provider.js";
import { deferredProvider, type TokenProvider } from "./token-provider.js";

export type { RefreshTokenOptions, RefreshTokenSet };

/**
 * Access tokens from a refresh token that the vendor accepts only once, refreshes strictly
 * serialized. The provider and its token request load with the first token asked for.
 */
export function refreshingToken(options: RefreshTokenOptions): TokenProvider {
  // The tokens as they are now: what the caller does with its object afterwards does not change them.
  const settings = { ...options, tokens: { ...options.tokens } };
  return deferredProvider(() => import("./refresh-token-provider.js").then((m) => m.createRefreshingToken(settings)));
}
