import { createVendorClient, lazily, type VendorClientOptions } from "@customer-api/core/vendor-kit";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeHamgamCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeHamgamCustomer));

/** The options of `createHamgamClient`: core's client options, with what Hamgam needs on top. */
export interface HamgamClientOptions extends VendorClientOptions {
  /** The API key of a staff or admin user (sent as `Authorization: Token <key>`), or a function that returns one. */
  token: NonNullable<VendorClientOptions["token"]>;
  /** The tenant's root URL, e.g. `https://vtb1.hamgam.online` (paths start at `/api/...`). Required: every tenant has its own host. */
  baseUrl: string;
}

/**
 * A client for a Hamgam tenant's API: `customers` returns normalized records (get, list, delete), and
 * the typed `GET`, `DELETE`, … reach every path in Hamgam's spec. Throws `ConfigurationError` at once
 * for a missing or malformed `baseUrl` or a `defaultPhoneCountry` that is not an ISO 3166-1 alpha-2 code.
 *
 * @example
 * ```ts
 * const hamgam = createHamgamClient({ baseUrl: "https://vtb1.hamgam.online", token: process.env.HAMGAM_API_KEY! });
 * for await (const customer of hamgam.customers.list({ has_email: true, maxItems: 100 })) {
 *   console.log(customer.id, customer.email, customer.phone);
 * }
 * ```
 */
export const createHamgamClient = (options: HamgamClientOptions) =>
  createVendorClient<paths>()(descriptor, normalizeHamgamCustomer, options);
/** What `createHamgamClient` returns: typed raw access (`GET`, `POST`, …) on the same stack, plus `customers`. */
export type HamgamClient = ReturnType<typeof createHamgamClient>;
/** `client.customers`: Hamgam's customers, normalized to `Customer`. */
export type HamgamCustomers = HamgamClient["customers"];
/** What `customers.list()` takes: paging, per-call options and the list operation's own filters, named as the spec names them. */
export type HamgamListParams = NonNullable<Parameters<HamgamCustomers["list"]>[0]>;

export { descriptor as hamgamDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { HamgamCustomer, HamgamRawCustomer } from "./normalize.js";
