import { createVendorClient, lazily, type VendorClientOptions } from "@customer-api/core/vendor-kit";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeHomeleCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeHomeleCustomer));

export interface HomeleClientOptions extends VendorClientOptions {
  /** The API token (Settings > API Integration), or a function that returns one. */
  token: NonNullable<VendorClientOptions["token"]>;
  /** `https://<your-domain>/api/v2/crm`; default `https://crm.homele.com/api/v2/crm`. */
  baseUrl?: string;
}

/** Typed raw access to every Homele path, plus the normalized, read-only `customers` resource. */
export const createHomeleClient = (options: HomeleClientOptions) =>
  createVendorClient<paths>()(descriptor, normalizeHomeleCustomer, options);
export type HomeleClient = ReturnType<typeof createHomeleClient>;
export type HomeleCustomers = HomeleClient["customers"];
export type HomeleListParams = NonNullable<Parameters<HomeleCustomers["list"]>[0]>;

export { descriptor as homeleDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { HomeleCustomer, HomeleRawCustomer } from "./normalize.js";
