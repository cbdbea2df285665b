import { type Client, type ClientOptions, createApiClient, type Limiter } from "@customer-api/core/vendor-kit";
import { homeleCustomers, type HomeleCustomers } from "./customers.js";
import type { paths } from "./generated/schema.js";
import { homeleProfile } from "./profile.js";

/** The options of {@link createHomeleClient}: core's `ClientOptions`, with a token required. */
export interface HomeleClientOptions extends ClientOptions {
  /** The API token (Settings > API Integration), or a function that returns one. */
  token: NonNullable<ClientOptions["token"]>;
  /** `https://<your-domain>/api/v2/crm`; default `https://crm.homele.com/api/v2/crm`. */
  baseUrl?: string;
}

/** Typed `GET`/`request` access to every Homele path, plus the normalized `customers` resource. */
export type HomeleClient = Client<paths> & {
  customers: HomeleCustomers;
  /** The limiter this client uses (share it with `rateLimit: client.rateLimiter`). */
  rateLimiter: Limiter | undefined;
};

/**
 * A client for the Homele CRM API: `customers` returns normalized records, and the typed `GET`,
 * `POST`, … reach every path in Homele's spec. Throws `ConfigurationError` at once for unusable
 * options (a malformed `baseUrl`, a bad `rateLimit`); calls throw the `ApiError` subclass for the failure.
 *
 * @example
 * ```ts
 * const homele = createHomeleClient({ token: process.env.HOMELE_TOKEN! });
 * for await (const customer of homele.customers.list({ query: "acme", maxItems: 50 })) {
 *   console.log(customer.id, customer.name, customer.email);
 * }
 * ```
 */
export function createHomeleClient(options: HomeleClientOptions): HomeleClient {
  const api = createApiClient<paths>(homeleProfile, options);
  return { ...api.client, customers: homeleCustomers(api), rateLimiter: api.rateLimiter };
}
