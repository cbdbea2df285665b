/**
 * What a vendor package builds its client on (the public entry holds what applications touch).
 *
 * @module @customer-api/core/vendor-kit
 */

// openapi-fetch's types, for middleware and typed results
export type { Client, Middleware } from "openapi-fetch";
export { type ClientCredentialsOptions, clientCredentials } from "./auth/client-credentials.js";
export { type RefreshTokenOptions, type RefreshTokenSet, refreshingToken } from "./auth/refresh-token.js";
export type { TokenEndpointOptions } from "./auth/token-endpoint.js";
export { type TokenProvider, type TokenSource, toTokenProvider } from "./auth/token-provider.js";
export { type CallOptions, callOptions } from "./call-options.js";
// The client and its stack
export { type ApiClient, type ClientOptions, createApiClient } from "./client.js";
// A client from a vendor's generated descriptor (its spec's x-customer-api facts) and normalizer
export { type Customers, defineCustomers, type ListParams, type RequestParts } from "./descriptor/customers.js";
export { type At, at, type Pointer } from "./descriptor/pointer.js";
export type { CustomerMethod, OperationFacts, PagingFacts, VendorDescriptor } from "./descriptor/types.js";
export {
  createVendorClient,
  exactlyOneToken,
  type NormalizeContext,
  type TokenOr,
  type VendorClient,
  type VendorClientOptions,
  type VendorExtension,
} from "./descriptor/vendor-client.js";
export type { ResponseFacts } from "./error-from-response.js";
// What an application sees too and a vendor package uses, so that it imports from one place. The
// per-status, timeout and abort errors are not here: re-exported, they would sit in every app's
// start-up bundle; failure-only code imports them from their own module.
// Not the in-memory RateLimiter: a client loads it with its first request.
export * from "./errors.js";
export { lazily } from "./lazy.js";
// The normalized record; the normalization helpers are in `@customer-api/core/vendor-kit/normalize`.
export type { Address, Customer } from "./normalize/customer.js";
// Checked when a client is created; the rest of the normalization helpers load with a normalizer.
export { assertPhoneCountry } from "./normalize/phone-country.js";
// Paging types; the paginator itself is in `@customer-api/core/vendor-kit/paging`, so that an app
// that never lists does not load it (a bundler keeps what a start-up module re-exports).
export type { ListOptions, Page, PagedList, PageLayout, PaginatorOptions, PagingStyle } from "./paging/paginator.js";
export type { ErrorDetails, VendorProfile } from "./profile.js";
export type { RawResult } from "./raw-client.js";
export { isLimiter, type Limiter, type RateLimitOptions } from "./transport/limiter.js";
export type { AttemptLog, Logger } from "./transport/logger.js";
