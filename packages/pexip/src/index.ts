export { createPexipClient, type PexipClient, type PexipClientOptions } from "./client.js";
export type { PexipAuthOptions, PexipClientCredentials } from "./auth.js";
export type { PexipCallOptions, PexipCustomers, PexipCustomerUpdate, PexipListParams } from "./customers.js";
export type { PexipEnvironment } from "./environment.js";
export type { PexipCustomer, PexipRawCustomer } from "./normalize.js";
// Loads the normalizer on first use, as the client does.
export { normalizePexipCustomer } from "./customers.js";
export { pexipProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
