import { ConfigurationError, createVendorClient, lazily, type VendorClientOptions } from "@customer-api/core/vendor-kit";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";
import { locationMiddleware, locationParts } from "./location.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeCoaxCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeCoaxCustomer));

/** The options of `createCoaxClient`: core's client options, with what Coax needs on top. */
export interface CoaxClientOptions extends VendorClientOptions {
  /** The Coax API key (issued per business), or a function that returns one. */
  token: NonNullable<VendorClientOptions["token"]>;
  /** Default `https://api.coax.com.au` (assumed: the docs lost their base URL). Paths add `/api/v2`. */
  baseUrl?: string;
  /**
   * The business location (UUID) to work on. A key scoped to all locations needs one: it is sent as
   * `location_id` on every request whose operation takes it, unless the call names its own.
   */
  locationId?: string;
}

/** Per call: the `location_id` for this call, instead of the client's `locationId`. */
export interface CoaxCallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** The location (UUID) this call works on, instead of the client's `locationId`. */
  locationId?: string;
}

const checked = (locationId: unknown) => {
  if (locationId !== undefined && (typeof locationId !== "string" || locationId.trim() === "")) {
    throw new ConfigurationError({ vendor: "coax", message: "`locationId` must be a non-empty string (a location UUID)" });
  }
  return locationId as string | undefined;
};

/**
 * A client for the Coax API: `customers` returns normalized records (get, list, create, upsert,
 * update, delete), and the typed `GET`, `POST`, … reach every path in Coax's spec. Throws
 * `ConfigurationError` at once for an empty `locationId`, a `defaultPhoneCountry` that is not an
 * ISO 3166-1 alpha-2 code, or a malformed `baseUrl`.
 *
 * @example
 * ```ts
 * const coax = createCoaxClient({ token: process.env.COAX_API_KEY! });
 * const customer = await coax.customers.upsert({ email: "jo@example.com", name: "Jo Lee" });
 * ```
 */
export function createCoaxClient(options: CoaxClientOptions) {
  const { locationId, ...rest } = options;
  const fallback = checked(locationId);
  return createVendorClient<paths>()(descriptor, normalizeCoaxCustomer, rest, {
    middleware: fallback === undefined ? [] : [locationMiddleware(fallback)],
    callKeys: ["locationId"],
    // A call's own location wins over the client's, which the middleware adds only where none is set.
    callParts: ({ locationId: own }: CoaxCallOptions, operation) =>
      checked(own) === undefined ? {} : locationParts(operation, own!),
  });
}
/** What `createCoaxClient` returns: typed raw access (`GET`, `POST`, …) on the same stack, plus `customers`. */
export type CoaxClient = ReturnType<typeof createCoaxClient>;
/** `client.customers`: Coax's customers, normalized to `Customer`. */
export type CoaxCustomers = CoaxClient["customers"];
/** What `customers.list()` takes: paging, per-call options and the list operation's own filters, named as the spec names them. */
export type CoaxListParams = NonNullable<Parameters<CoaxCustomers["list"]>[0]>;
/** The body of `customers.create()`, typed from Coax's spec. */
export type CoaxCreateCustomerInput = Parameters<CoaxCustomers["create"]>[0];
/** The body of `customers.upsert()`, typed from Coax's spec: an email or phone to find the customer by. */
export type CoaxUpsertCustomerInput = Parameters<CoaxCustomers["upsert"]>[0];
/** The body of `customers.update()`, typed from Coax's spec: only the fields to change. */
export type CoaxUpdateCustomerInput = Parameters<CoaxCustomers["update"]>[1];

export { descriptor as coaxDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { CoaxCustomer, CoaxRawCustomer } from "./normalize.js";
