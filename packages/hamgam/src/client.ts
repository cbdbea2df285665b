import { assertPhoneCountry, type Client, type ClientOptions, createApiClient, type Limiter } from "@customer-api/core/vendor-kit";
import { hamgamCustomers, type HamgamCustomers } from "./customers.js";
import type { paths } from "./generated/schema.js";
import type { HamgamNormalizeOptions } from "./normalize.js";
import { hamgamProfile } from "./profile.js";

/** The options of {@link createHamgamClient}: core's `ClientOptions` with a token and the tenant's host required, plus how to read phone numbers. */
export interface HamgamClientOptions extends ClientOptions, HamgamNormalizeOptions {
  /** The API key of a staff or admin user (sent as `Authorization: Token <key>`), or a function that returns one. */
  token: NonNullable<ClientOptions["token"]>;
  /** The tenant's root URL, e.g. `https://vtb1.hamgam.online` (paths start at `/api/...`). Required: every tenant has its own host. */
  baseUrl: string;
}

/** Typed `GET`/`DELETE`/`request` access to every Hamgam path, plus the normalized `customers` resource. */
export type HamgamClient = Client<paths> & {
  customers: HamgamCustomers;
  /** The limiter this client uses: none unless `rateLimit` is given (Hamgam documents no limit). */
  rateLimiter: Limiter | undefined;
};

/**
 * A client for a Hamgam tenant's API: `customers` returns normalized records, and the typed `GET`,
 * `DELETE`, … reach every path in Hamgam's spec. Throws `ConfigurationError` at once for a missing
 * or malformed `baseUrl` or a `defaultPhoneCountry` that is not an ISO 3166-1 alpha-2 code.
 *
 * @example
 * ```ts
 * const hamgam = createHamgamClient({ baseUrl: "https://vtb1.hamgam.online", token: process.env.HAMGAM_API_KEY! });
 * for await (const customer of hamgam.customers.list({ hasEmail: true, maxItems: 100 })) {
 *   console.log(customer.id, customer.email, customer.phone);
 * }
 * ```
 */
export function createHamgamClient(options: HamgamClientOptions): HamgamClient {
  const api = createApiClient<paths>(hamgamProfile, options);
  const { defaultPhoneCountry } = options;
  assertPhoneCountry("hamgam", defaultPhoneCountry);
  return {
    ...api.client,
    customers: hamgamCustomers(api, { defaultPhoneCountry }),
    rateLimiter: api.rateLimiter,
  };
}
