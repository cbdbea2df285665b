export { createHomeleClient, type HomeleClient, type HomeleClientOptions } from "./client.js";
export type { HomeleCustomers, HomeleListParams } from "./customers.js";
export type { HomeleCustomer, HomeleRawCustomer } from "./normalize.js";
// Loads the normalizer on first use, as the client does.
export { normalizeHomeleCustomer } from "./customers.js";
export { homeleProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
