import { endpointFetch, requestToken, type TokenEndpointOptions } from "./token-endpoint.js";
import type { TokenProvider } from "./token-provider.js";

/** An OAuth2 access token with the refresh token that renews it. */
export interface RefreshTokenSet {
  /** The token sent on requests. */
  accessToken: string;
  /** The token that buys the next access token; single-use where the vendor rotates it. */
  refreshToken: string;
  /** Epoch milliseconds; unknown means "valid until the server says otherwise". */
  expiresAt?: number | undefined;
}

/** The options of `refreshingToken`: the token endpoint, the client, and the tokens held now. */
export interface RefreshTokenOptions extends TokenEndpointOptions {
  /** The tokens you hold now (from your OAuth2 authorization-code flow or your store). */
  tokens: RefreshTokenSet;
  /** Called with every new set: persist it, because the old refresh token no longer works. */
  onRefresh?: (tokens: RefreshTokenSet) => void | Promise<void>;
}

/**
 * Access tokens from a refresh token that the vendor accepts only once. Two refreshes in parallel
 * would spend the same refresh token twice (and some vendors then revoke both), so refreshes are
 * strictly serialized: every caller that needs a new token waits on the one refresh in flight.
 */
export function createRefreshingToken(options: RefreshTokenOptions): TokenProvider {
  const skew = options.expirySkewMs ?? 30_000;
  const fetchFn = endpointFetch(options);
  let current: RefreshTokenSet = { ...options.tokens };
  let stale = false;
  let refreshing: Promise<string> | undefined;

  const isFresh = () => !stale && (current.expiresAt === undefined || Date.now() < current.expiresAt - skew);

  const refresh = async (): Promise<string> => {
    const answer = await requestToken({
      vendor: options.vendor ?? "oauth2",
      tokenUrl: options.tokenUrl,
      fetch: fetchFn,
      form: {
        grant_type: "refresh_token",
        refresh_token: current.refreshToken,
        client_id: options.clientId,
        client_secret: options.clientSecret,
      },
    });
    const next: RefreshTokenSet = {
      accessToken: answer.access_token,
      // A server that does not rotate keeps the old refresh token valid.
      refreshToken: answer.refresh_token ?? current.refreshToken,
      expiresAt: answer.expires_in === undefined ? undefined : Date.now() + answer.expires_in * 1000,
    };
    current = next;
    stale = false;
    await options.onRefresh?.({ ...next });
    return next.accessToken;
  };

  return {
    async getToken() {
      if (refreshing) return refreshing;
      if (isFresh()) return current.accessToken;
      refreshing = refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    invalidate(token) {
      if (token === current.accessToken) stale = true;
    },
  };
}
