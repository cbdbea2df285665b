export { createHamgamClient, type HamgamClient, type HamgamClientOptions } from "./client.js";
export type { HamgamCustomers, HamgamListParams } from "./customers.js";
export {
  type HamgamCustomer,
  type HamgamNormalizeOptions,
  type HamgamRawCustomer,
  normalizeHamgamCustomer,
} from "./normalize.js";
export { hamgamProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
