import {
  type Client,
  type ClientOptions,
  ConfigurationError,
  createApiClient,
  type Limiter,
  type RefreshTokenSet,
  refreshingToken,
  type TokenSource,
} from "@customer-api/core/vendor-kit";
import { shtaraCustomers, type ShtaraCustomers } from "./customers.js";
import type { paths } from "./generated/schema.js";
import { shtaraProfile } from "./profile.js";

/** Salla's OAuth2 token endpoint (authorization-code flow and refresh). */
export const SALLA_TOKEN_URL = "https://accounts.salla.sa/oauth2/token";

/** Your app's credentials and the merchant's current tokens, for a client that refreshes by itself. */
export interface ShtaraRefreshTokenOptions {
  /** Your Salla app's OAuth2 client id. */
  clientId: string;
  /** Your Salla app's client secret; sent only to the token endpoint, never put in an error or log. */
  clientSecret: string;
  /** The tokens you hold now (from the authorization-code flow or your store). */
  tokens: RefreshTokenSet;
  /** Called with every new token set. Persist it: Salla's refresh tokens work once only. */
  onRefresh?: (tokens: RefreshTokenSet) => void | Promise<void>;
  /** Default `https://accounts.salla.sa/oauth2/token`. */
  tokenUrl?: string;
}

/** The options of `createShtaraClient` besides its credentials. */
export interface ShtaraBaseOptions extends Omit<ClientOptions, "token"> {
  /** Default `https://api.salla.dev/admin/v2`. */
  baseUrl?: string;
  /** `Accept-Language` on every request (`ar`, `en`, …); unset, the API answers in Arabic. */
  acceptLanguage?: string;
}

/** Exactly one of `token` (an access token, or a function or provider returning one) and `refreshToken`. */
export type ShtaraClientOptions = ShtaraBaseOptions &
  ({ token: TokenSource; refreshToken?: never } | { refreshToken: ShtaraRefreshTokenOptions; token?: never });

/** Typed `GET`/`POST`/`PUT`/`DELETE` access to every Shtara path, plus the normalized `customers` resource. */
export type ShtaraClient = Client<paths> & {
  customers: ShtaraCustomers;
  /** The limiter this client uses (share it with `rateLimit: client.rateLimiter`). */
  rateLimiter: Limiter | undefined;
};

/**
 * A client for the Salla merchant API (Shtara): `customers` returns normalized records, and the
 * typed `GET`, `POST`, … reach every path in Salla's spec. With `refreshToken`, the client renews
 * the merchant's access token itself, one refresh at a time. Throws `ConfigurationError` at once
 * for both or neither of `token` and `refreshToken`, or a malformed `baseUrl`.
 *
 * @example
 * ```ts
 * const shtara = createShtaraClient({ token: process.env.SALLA_ACCESS_TOKEN!, acceptLanguage: "en" });
 * for await (const customer of shtara.customers.list({ keyword: "ahmed", maxItems: 20 })) {
 *   console.log(customer.id, customer.name, customer.phone);
 * }
 * ```
 */
export function createShtaraClient(options: ShtaraClientOptions): ShtaraClient {
  const { token, refreshToken, acceptLanguage, ...rest } = options;
  const api = createApiClient<paths>(shtaraProfile, {
    ...rest,
    token: tokenSource(token, refreshToken, rest.fetch),
    headers: acceptLanguage ? { "Accept-Language": acceptLanguage, ...rest.headers } : rest.headers,
  });
  return { ...api.client, customers: shtaraCustomers(api), rateLimiter: api.rateLimiter };
}

function tokenSource(
  token: TokenSource | undefined,
  refresh: ShtaraRefreshTokenOptions | undefined,
  fetchFn: typeof fetch | undefined,
): TokenSource {
  if (token !== undefined && refresh === undefined) return token;
  if (refresh === undefined || token !== undefined) {
    throw new ConfigurationError({ vendor: "shtara", message: "shtara: give either `token` or `refreshToken`, not both or neither" });
  }
  // One serialized refresh at a time: a refresh token spent twice in parallel revokes both.
  return refreshingToken({
    vendor: "shtara",
    tokenUrl: refresh.tokenUrl ?? SALLA_TOKEN_URL,
    clientId: refresh.clientId,
    clientSecret: refresh.clientSecret,
    tokens: refresh.tokens,
    onRefresh: refresh.onRefresh,
    fetch: fetchFn,
  });
}
