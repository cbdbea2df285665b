import { createVendorClient, type VendorClientOptions } from "@customer-api/core";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";
import { normalizeHamgamCustomer } from "./normalize.js";

export interface HamgamClientOptions extends VendorClientOptions {
  /** The API key of a staff or admin user (sent as `Authorization: Token <key>`), or a function that returns one. */
  token: NonNullable<VendorClientOptions["token"]>;
  /** The tenant's root URL, e.g. `https://vtb1.hamgam.online` (paths start at `/api/...`). Required: every tenant has its own host. */
  baseUrl: string;
}

/** Typed raw access to every Hamgam path, plus the normalized `customers` resource (get, list, delete). */
export const createHamgamClient = (options: HamgamClientOptions) => createVendorClient<paths>()(descriptor, normalizeHamgamCustomer, options);
export type HamgamClient = ReturnType<typeof createHamgamClient>;
export type HamgamCustomers = HamgamClient["customers"];
export type HamgamListParams = NonNullable<Parameters<HamgamCustomers["list"]>[0]>;

export { type HamgamCustomer, type HamgamRawCustomer, normalizeHamgamCustomer } from "./normalize.js";
export { descriptor as hamgamDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
