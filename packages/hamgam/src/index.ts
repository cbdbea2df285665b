export { createHamgamClient, type HamgamClient, type HamgamClientOptions } from "./client.js";
export type { HamgamCustomers, HamgamListParams } from "./customers.js";
export type { HamgamCustomer, HamgamNormalizeOptions, HamgamRawCustomer } from "./normalize.js";
// Loads the normalizer on first use, as the client does.
export { normalizeHamgamCustomer } from "./customers.js";
export { hamgamProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
