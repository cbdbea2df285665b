import { type Client, type ClientOptions, createApiClient, type Limiter } from "@customer-api/core/vendor-kit";
import { homeleCustomers, type HomeleCustomers } from "./customers.js";
import type { paths } from "./generated/schema.js";
import { homeleProfile } from "./profile.js";

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

export function createHomeleClient(options: HomeleClientOptions): HomeleClient {
  const api = createApiClient<paths>(homeleProfile, options);
  return { ...api.client, customers: homeleCustomers(api), rateLimiter: api.rateLimiter };
}
