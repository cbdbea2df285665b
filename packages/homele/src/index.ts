export { createHomeleClient, type HomeleClient, type HomeleClientOptions } from "./client.js";
export type { HomeleCustomers, HomeleListParams } from "./customers.js";
export { type HomeleCustomer, type HomeleRawCustomer, normalizeHomeleCustomer } from "./normalize.js";
export { homeleProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
