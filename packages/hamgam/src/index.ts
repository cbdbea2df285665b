import { createVendorClient, lazily, type VendorClientOptions } from "@customer-api/core/vendor-kit";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeHamgamCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeHamgamCustomer));

export interface HamgamClientOptions extends VendorClientOptions {
  /** The API key of a staff or admin user (sent as `Authorization: Token <key>`), or a function that returns one. */
  token: NonNullable<VendorClientOptions["token"]>;
  /** The tenant's root URL, e.g. `https://vtb1.hamgam.online` (paths start at `/api/...`). Required: every tenant has its own host. */
  baseUrl: string;
}

/** Typed raw access to every Hamgam path, plus the normalized `customers` resource (get, list, delete). */
export const createHamgamClient = (options: HamgamClientOptions) =>
  createVendorClient<paths>()(descriptor, normalizeHamgamCustomer, options);
export type HamgamClient = ReturnType<typeof createHamgamClient>;
export type HamgamCustomers = HamgamClient["customers"];
export type HamgamListParams = NonNullable<Parameters<HamgamCustomers["list"]>[0]>;

export { descriptor as hamgamDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { HamgamCustomer, HamgamRawCustomer } from "./normalize.js";
