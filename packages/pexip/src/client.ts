import { type Client, type ClientOptions, createApiClient, type Limiter } from "@customer-api/core/vendor-kit";
import { type PexipAuthOptions, pexipTokenSource } from "./auth.js";
import { correlationIdMiddleware } from "./correlation-id.js";
import { pexipCustomers, type PexipCustomers } from "./customers.js";
import { type PexipEnvironment, pexipBaseUrl } from "./environment.js";
import type { paths } from "./generated/schema.js";
import { pexipProfile } from "./profile.js";

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
