// What a vendor package builds its client on (the public entry holds what applications touch).

// The client and its stack
export { type ApiClient, type ClientOptions, createApiClient } from "./client.js";
export { type CallOptions, callOptions } from "./call-options.js";
export type { RawResult } from "./raw-client.js";
export type { ResponseFacts } from "./error-from-response.js";
export { type ErrorDetails, secondsToMs, type VendorProfile } from "./profile.js";
export { lazily } from "./lazy.js";

// Paging
export { type ListOptions, type Page, type PagedList, type PaginatorOptions, type PagingStyle, paginate } from "./paging/paginator.js";
export { cursorPaging, offsetPaging, pageNumberPaging } from "./paging/styles.js";

// The normalized record; the normalization helpers are in `@customer-api/core/vendor-kit/normalize`.
export type { Address, Customer } from "./normalize/customer.js";
// Checked when a client is created; the rest of the normalization helpers load with a normalizer.
export { assertPhoneCountry } from "./normalize/phone-country.js";

// openapi-fetch's types, for middleware and typed results
export type { Client, Middleware } from "openapi-fetch";

// What an application sees too and a vendor package uses, so that it imports from one place.
// Not the in-memory RateLimiter: a client loads it with its first request.
export * from "./errors.js";
export type { AttemptLog, Logger } from "./transport/logger.js";
export { isLimiter, type Limiter, type RateLimitOptions } from "./transport/limiter.js";
export { type TokenProvider, type TokenSource, toTokenProvider } from "./auth/token-provider.js";
export { clientCredentials, type ClientCredentialsOptions } from "./auth/client-credentials.js";
export { refreshingToken, type RefreshTokenOptions, type RefreshTokenSet } from "./auth/refresh-token.js";
export type { TokenEndpointOptions } from "./auth/token-endpoint.js";
