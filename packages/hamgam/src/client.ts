import { type Client, type ClientOptions, ConfigurationError, createApiClient, type RateLimiter } from "@customer-api/core";
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
  rateLimiter: RateLimiter | undefined;
};

export function createHamgamClient(options: HamgamClientOptions): HamgamClient {
  const api = createApiClient<paths>(hamgamProfile, options);
  const { defaultPhoneCountry } = options;
  if (defaultPhoneCountry != null && !/^[A-Z]{2}$/i.test(defaultPhoneCountry)) {
    throw new ConfigurationError({
      vendor: "hamgam",
      message: "`defaultPhoneCountry` must be an ISO 3166-1 alpha-2 code such as \"IR\", or null",
    });
  }
  return Object.assign(api.client, {
    customers: hamgamCustomers(api, { defaultPhoneCountry }),
    rateLimiter: api.rateLimiter,
  });
}
