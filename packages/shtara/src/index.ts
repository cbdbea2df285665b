export {
  createShtaraClient,
  SALLA_TOKEN_URL,
  type ShtaraBaseOptions,
  type ShtaraClient,
  type ShtaraClientOptions,
  type ShtaraRefreshTokenOptions,
} from "./client.js";
export type {
  ShtaraBanOptions,
  ShtaraCreateCustomerInput,
  ShtaraCustomers,
  ShtaraDetailField,
  ShtaraGetOptions,
  ShtaraImportOptions,
  ShtaraImportResult,
  ShtaraListField,
  ShtaraListParams,
  ShtaraListQuery,
  ShtaraUpdateCustomerInput,
} from "./customers.js";
export type { ShtaraCustomer, ShtaraRawCustomer } from "./normalize.js";
// Loads the normalizer on first use, as the client does.
export { normalizeShtaraCustomer } from "./customers.js";
export { shtaraProfile } from "./profile.js";
export type { components, operations, paths } from "./generated/schema.js";
