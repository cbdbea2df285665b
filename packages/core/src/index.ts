// What an application touches: errors, options, the normalized Customer, limiters and token
// providers. What vendor packages build on is in `@customer-api/core/vendor-kit`.

// Errors
export * from "./errors.js";

// Options
export type { ClientOptions } from "./client.js";
export type { CallOptions } from "./call-options.js";
export type { ListOptions, Page, PagedList, PagingStyle } from "./paging/paginator.js";
export type { AttemptLog, Logger } from "./transport/logger.js";
export type { ErrorDetails, VendorProfile } from "./profile.js";

// Rate limits
export { RateLimiter } from "./transport/rate-limiter.js";
export { isLimiter, type Limiter, type RateLimitOptions } from "./transport/limiter.js";

// Auth
export { type TokenProvider, type TokenSource, toTokenProvider } from "./auth/token-provider.js";
export { clientCredentials, type ClientCredentialsOptions } from "./auth/client-credentials.js";
export { refreshingToken, type RefreshTokenOptions, type RefreshTokenSet } from "./auth/refresh-token.js";
export type { TokenEndpointOptions } from "./auth/token-endpoint.js";

// The normalized record
export type { Address, Customer } from "./normalize/customer.js";

// Typed raw access
export type { Client, Middleware } from "openapi-fetch";
