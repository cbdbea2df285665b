export { type CoaxClient, type CoaxClientOptions, createCoaxClient } from "./client.js";
export type {
  CoaxCallOptions,
  CoaxCreateCustomerInput,
  CoaxCustomers,
  CoaxListParams,
  CoaxUpdateCustomerInput,
  CoaxUpsertCustomerInput,
} from "./customers.js";
export type { CoaxCustomer, CoaxNormalizeOptions, CoaxRawCustomer } from "./normalize.js";
// Loads the normalizer on first use, as the client does.
export { normalizeCoaxCustomer } from "./customers.js";
export { coaxProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
