// `@customer-api/core/vendor-kit/normalize`: the normalization helpers, apart from the rest of
// the kit so that an app's bundler loads them with a vendor's normalizer (on the first record),
// not at start-up: a bundler puts whatever a start-up module imports statically in the start-up chunk.
export type { Address, Customer } from "./customer.js";
export { cleanEmail, cleanText, joinName, splitName } from "./text.js";
export { buildAddress } from "./address.js";
export { toE164, type PhoneContext } from "./phone.js";
export { toUtcIso } from "./date.js";
export { requireRecord } from "./record.js";
