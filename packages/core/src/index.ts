/**
 * What an application touches: errors, options, the normalized Customer, limiters and token
 * providers. What vendor packages build on is in `@customer-api/core/vendor-kit`.
 *
 * @module @customer-api/core
 */

// Typed raw access
export type { Client, Middleware } from "openapi-fetch";
export { type ClientCredentialsOptions, clientCredentials } from "./auth/client-credentials.js";
export { type RefreshTokenOptions, type RefreshTokenSet, refreshingToken } from "./auth/refresh-token.js";
export type { TokenEndpointOptions } from "./auth/token-endpoint.js";
// Auth
export { type TokenProvider, type TokenSource, toTokenProvider } from "./auth/token-provider.js";
export type { CallOptions } from "./call-options.js";
// Options
export type { ClientOptions } from "./client.js";
// Errors
export * from "./errors.js";
export * from "./failure-errors.js";
// The normalized record
export type { Address, Customer } from "./normalize/customer.js";
export type { ListOptions, Page, PagedList, PagingStyle } from "./paging/paginator.js";
export type { ErrorDetails, VendorProfile } from "./profile.js";
export { isLimiter, type Limiter, type RateLimitOptions } from "./transport/limiter.js";
export type { AttemptLog, Logger } from "./transport/logger.js";
// Rate limits
export { RateLimiter } from "./transport/rate-limiter.js";
