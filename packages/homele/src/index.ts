import { createVendorClient, lazily, type VendorClientOptions } from "@customer-api/core/vendor-kit";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeHomeleCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeHomeleCustomer));

/** The options of `createHomeleClient`: core's client options, with what Homele needs on top. */
export interface HomeleClientOptions extends VendorClientOptions {
  /** The API token (Settings > API Integration), or a function that returns one. */
  token: NonNullable<VendorClientOptions["token"]>;
  /** `https://<your-domain>/api/v2/crm`; default `https://crm.homele.com/api/v2/crm`. */
  baseUrl?: string;
}

/**
 * A client for the Homele CRM API: `customers` returns normalized records, and the typed `GET`,
 * `POST`, … reach every path in Homele's spec. Throws `ConfigurationError` at once for unusable
 * options (a malformed `baseUrl`, a bad `rateLimit`); calls throw the `ApiError` subclass for the failure.
 *
 * @example
 * ```ts
 * const homele = createHomeleClient({ token: process.env.HOMELE_TOKEN! });
 * for await (const customer of homele.customers.list({ "filter[query]": "acme", maxItems: 50 })) {
 *   console.log(customer.id, customer.name, customer.email);
 * }
 * ```
 */
export const createHomeleClient = (options: HomeleClientOptions) =>
  createVendorClient<paths>()(descriptor, normalizeHomeleCustomer, options);
/** What `createHomeleClient` returns: typed raw access (`GET`, `POST`, …) on the same stack, plus `customers`. */
export type HomeleClient = ReturnType<typeof createHomeleClient>;
/** `client.customers`: Homele's customers, normalized to `Customer`. */
export type HomeleCustomers = HomeleClient["customers"];
/** What `customers.list()` takes: paging, per-call options and the list operation's own filters, named as the spec names them. */
export type HomeleListParams = NonNullable<Parameters<HomeleCustomers["list"]>[0]>;

export { descriptor as homeleDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { HomeleCustomer, HomeleRawCustomer } from "./normalize.js";
