// Client construction
export { createApiClient, type ApiClient, type ClientOptions } from "./client.js";
export type { ErrorDetails, VendorProfile } from "./profile.js";
export type { CallOptions } from "./call-options.js";

// Errors
export * from "./errors.js";
export { errorFromResponse } from "./error-from-response.js";

// Auth
export { type TokenProvider, type TokenSource, toTokenProvider } from "./auth/token-provider.js";
export { clientCredentials, type ClientCredentialsOptions } from "./auth/client-credentials.js";
export { refreshingToken, type RefreshTokenOptions, type RefreshTokenSet } from "./auth/refresh-token.js";
export type { TokenEndpointOptions } from "./auth/token-endpoint.js";

// Transport pieces a caller can configure or share
export { RateLimiter, type RateLimitOptions } from "./transport/rate-limiter.js";
export { isLimiter, type Limiter } from "./transport/limiter.js";
export type { AttemptLog, Logger } from "./transport/logger.js";
export { retryAfterFromHeaders, secondsToMs } from "./transport/retry-after.js";

// Paging
export { paginate, type ListOptions, type Page, type PagedList, type PagingStyle } from "./paging/paginator.js";
export { cursorPaging, offsetPaging, pageNumberPaging } from "./paging/styles.js";

// Normalization
export type { Address, Customer } from "./normalize/customer.js";
export { cleanEmail, cleanText, joinName, splitName } from "./normalize/text.js";
export { buildAddress } from "./normalize/address.js";
export { assertPhoneCountry, toE164, type PhoneContext } from "./normalize/phone.js";
export { toUtcIso } from "./normalize/date.js";
export { requireRecord } from "./normalize/record.js";

// Typed raw access
export type { Client, Middleware } from "openapi-fetch";

// Behaviour facts generated from each vendor's spec
export { type Accessor, type At, accessor, at } from "./descriptor/pointer.js";
export type { CustomerMethod, OperationFacts, PagingFacts, VendorDescriptor } from "./descriptor/types.js";
export { type Customers, defineCustomers, type ListParams, type RequestParts } from "./descriptor/customers.js";
export { errorReader, retryAfterReader } from "./descriptor/error-reader.js";
export {
  createVendorClient,
  exactlyOneToken,
  type NormalizeContext,
  profileFromDescriptor,
  type TokenOr,
  type VendorClient,
  type VendorClientOptions,
  type VendorExtension,
} from "./descriptor/vendor-client.js";
