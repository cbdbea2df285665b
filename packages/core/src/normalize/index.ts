/**
 * The helpers that read vendor bodies (normalization, and the error-body reader the spec's facts
 * describe), apart from the rest of the kit so that an app's bundler loads them with a vendor's
 * normalizer or first failure, not at start-up: a bundler puts whatever a start-up module imports
 * statically in the start-up chunk.
 *
 * @module @customer-api/core/vendor-kit/normalize
 */

export { errorReader, retryAfterReader } from "../descriptor/error-reader.js";
export { readPointer } from "../descriptor/read-pointer.js";
export { secondsToMs } from "../profile.js";
export { buildAddress } from "./address.js";
export type { Address, Customer } from "./customer.js";
export { toUtcIso } from "./date.js";
export { type PhoneContext, toE164 } from "./phone.js";
export { requireRecord } from "./record.js";
export { cleanEmail, cleanText, joinName, splitName } from "./text.js";
