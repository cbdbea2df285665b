import { type Client, type ClientOptions, createApiClient, type Limiter } from "@customer-api/core/vendor-kit";
import { type PexipAuthOptions, pexipTokenSource } from "./auth.js";
import { correlationIdMiddleware } from "./correlation-id.js";
import { pexipCustomers, type PexipCustomers } from "./customers.js";
import { type PexipEnvironment, pexipBaseUrl } from "./environment.js";
import type { paths } from "./generated/schema.js";
import { pexipProfile } from "./profile.js";

/**
 * The options of {@link createPexipClient}: core's `ClientOptions`, one way to authenticate
 * (`token` or `clientCredentials`), and where the enterprise's API lives.
 */
export type PexipClientOptions = Omit<ClientOptions, "token"> &
  PexipAuthOptions & {
    /** The enterprise (tenant) name: the API path segment and the OAuth2 realm. Required unless `baseUrl` is given. */
    enterprise?: string;
    /** Default `production` (`api.pexipengage.com`, assumed host); `development` is `api.development.pexipengage.com`. */
    environment?: PexipEnvironment;
    /** Overrides `enterprise` and `environment` for API calls, e.g. `https://api.pexipengage.com/enterprises/acme`. */
    baseUrl?: string;
    /** `Accept-Language` on every request (RFC 5646, e.g. `nl` or `en, nl;q=0.5`); default: the enterprise's language. */
    acceptLanguage?: string;
  };

/** Typed `GET`/`PATCH`/`request` access to every Pexip path, plus the normalized `customers` resource. */
export type PexipClient = Client<paths> & {
  customers: PexipCustomers;
  /** The limiter this client uses (share it with `rateLimit: client.rateLimiter`). */
  rateLimiter: Limiter | undefined;
};

/**
 * A client for the Pexip Engage API: `customers` returns normalized records, and the typed `GET`,
 * `PATCH`, … reach every path in Pexip's spec. Every request carries an `X-Correlation-Id`.
 * Throws `ConfigurationError` at once for unusable options: both or neither of `token` and
 * `clientCredentials`, client credentials without `enterprise` or `tokenUrl`, a malformed `baseUrl`.
 *
 * @example
 * ```ts
 * const pexip = createPexipClient({
 *   enterprise: "acme",
 *   clientCredentials: { clientId: process.env.PEXIP_CLIENT_ID!, clientSecret: process.env.PEXIP_CLIENT_SECRET! },
 * });
 * const customer = await pexip.customers.get("c0ffee00-0000-4000-8000-000000000000");
 * ```
 */
export function createPexipClient(options: PexipClientOptions): PexipClient {
  // `rest` is what core understands; the Pexip-only options are consumed here.
  const { enterprise, environment, acceptLanguage, clientCredentials: _, ...rest } = options;
  const token = pexipTokenSource(options, enterprise, environment);
  const baseUrl = options.baseUrl ?? pexipBaseUrl(enterprise, environment);
  const headers = acceptLanguage === undefined ? rest.headers : { "Accept-Language": acceptLanguage, ...rest.headers };
  const api = createApiClient<paths>(
    pexipProfile,
    { ...rest, token, baseUrl, headers },
    { middleware: [correlationIdMiddleware()] },
  );
  return { ...api.client, customers: pexipCustomers(api), rateLimiter: api.rateLimiter };
}
