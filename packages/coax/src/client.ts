import { assertPhoneCountry, type Client, type ClientOptions, ConfigurationError, createApiClient, type Limiter, type Middleware } from "@customer-api/core/vendor-kit";
import { coaxCustomers, type CoaxCustomers } from "./customers.js";
import type { paths } from "./generated/schema.js";
import type { CoaxNormalizeOptions } from "./normalize.js";
import { coaxProfile } from "./profile.js";

export interface CoaxClientOptions extends ClientOptions, CoaxNormalizeOptions {
  /** The Coax API key (issued per business), or a function that returns one. */
  token: NonNullable<ClientOptions["token"]>;
  /** Default `https://api.coax.com.au` (assumed: the docs lost their base URL). Paths add `/api/v2`. */
  baseUrl?: string;
  /**
   * The business location (UUID) to work on. A key scoped to all locations needs one: it is sent as
   * `location_id` on every request whose operation takes it, unless the call names its own.
   */
  locationId?: string;
}

/** Typed `GET`/`POST`/`PUT`/`DELETE` access to every Coax path, plus the normalized `customers` resource. */
export type CoaxClient = Client<paths> & {
  customers: CoaxCustomers;
  /** The limiter this client uses (share it with `rateLimit: client.rateLimiter`); none by default. */
  rateLimiter: Limiter | undefined;
};

export function createCoaxClient(options: CoaxClientOptions): CoaxClient {
  const { locationId, defaultPhoneCountry } = options;
  if (locationId !== undefined && (typeof locationId !== "string" || locationId.trim() === "")) {
    throw new ConfigurationError({ vendor: "coax", message: "`locationId` must be a non-empty string (a location UUID)" });
  }
  assertPhoneCountry("coax", defaultPhoneCountry);
  const api = createApiClient<paths>(coaxProfile, options, {
    middleware: locationId === undefined ? [] : [locationOnFirstRequest(locationId)],
  });
  return {
    ...api.client,
    customers: coaxCustomers(api, { defaultPhoneCountry }),
    rateLimiter: api.rateLimiter,
  };
}

/** The location middleware, loaded with the first request of a client that has a `locationId`. */
function locationOnFirstRequest(locationId: string): Middleware {
  let loaded: Middleware | undefined;
  return {
    async onRequest(params) {
      loaded ??= (await import("./location.js")).locationMiddleware(locationId);
      return loaded.onRequest!(params);
    },
  };
}
