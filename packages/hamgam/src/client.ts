import { assertPhoneCountry, type Client, type ClientOptions, createApiClient, type Limiter } from "@customer-api/core/vendor-kit";
import { hamgamCustomers, type HamgamCustomers } from "./customers.js";
import type { paths } from "./generated/schema.js";
import type { HamgamNormalizeOptions } from "./normalize.js";
import { hamgamProfile } from "./profile.js";

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
