// What a vendor package builds its client on (the public entry holds what applications touch).

// The client and its stack
export { type ApiClient, type ClientOptions, createApiClient } from "./client.js";
export { type CallOptions, callOptions } from "./call-options.js";
export type { RawResult } from "./raw-client.js";
export { errorFromResponse, type ResponseFacts } from "./error-from-response.js";
export type { ErrorDetails, VendorProfile } from "./profile.js";
export { retryAfterFromHeaders, secondsToMs } from "./transport/retry-after.js";
export { lazily } from "./lazy.js";

// Paging
export { type ListOptions, type Page, type PagedList, type PaginatorOptions, type PagingStyle, paginate } from "./paging/paginator.js";
export { cursorPaging, offsetPaging, pageNumberPaging } from "./paging/styles.js";

// The normalized record; the normalization helpers are in `@customer-api/core/vendor-kit/normalize`.
export type { Address, Customer } from "./normalize/customer.js";
export { assertPhoneCountry } from "./normalize/phone-country.js";
// Small enough to share with start-up code (Shtara reads a message with it).
export { cleanText } from "./normalize/text.js";

// openapi-fetch's types, for middleware and typed results
export type { Client, Middleware } from "openapi-fetch";

// Everything an application sees too (errors, options, limiters, token providers), so a vendor
// package imports from one place.
export * from "./index.js";
