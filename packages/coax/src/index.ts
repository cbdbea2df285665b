export { type CoaxClient, type CoaxClientOptions, createCoaxClient } from "./client.js";
export type {
  CoaxCallOptions,
  CoaxCreateCustomerInput,
  CoaxCustomers,
  CoaxListParams,
  CoaxUpdateCustomerInput,
  CoaxUpsertCustomerInput,
} from "./customers.js";
export { type CoaxCustomer, type CoaxNormalizeOptions, type CoaxRawCustomer, normalizeCoaxCustomer } from "./normalize.js";
export { coaxProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
