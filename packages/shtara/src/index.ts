import {
  createVendorClient,
  exactlyOneToken,
  lazily,
  type RefreshTokenSet,
  refreshingToken,
  type TokenOr,
  type VendorClientOptions,
} from "@customer-api/core/vendor-kit";
import { shtaraExtras } from "./extras.js";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizeShtaraCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizeShtaraCustomer));

/** Salla's OAuth2 token endpoint (authorization-code flow and refresh). */
export const SALLA_TOKEN_URL = "https://accounts.salla.sa/oauth2/token";

/** Your app's credentials and the merchant's current tokens, for a client that refreshes by itself. */
export interface ShtaraRefreshTokenOptions {
  /** Your Salla app's OAuth2 client id. */
  clientId: string;
  /** Your Salla app's client secret; sent only to the token endpoint, never put in an error or log. */
  clientSecret: string;
  /** The tokens you hold now (from the authorization-code flow or your store). */
  tokens: RefreshTokenSet;
  /** Called with every new token set. Persist it: Salla's refresh tokens work once only. */
  onRefresh?: (tokens: RefreshTokenSet) => void | Promise<void>;
  /** Default `https://accounts.salla.sa/oauth2/token`. */
  tokenUrl?: string;
}

/** Exactly one of `token` (an access token, or a function or provider returning one) and `refreshToken`. */
export type ShtaraClientOptions = Omit<VendorClientOptions, "token"> & TokenOr<"refreshToken", ShtaraRefreshTokenOptions>;

/**
 * A client for the Salla merchant API (Shtara): `customers` returns normalized records, with ban,
 * unban and import, and the typed `GET`, `POST`, … reach every path in Salla's spec. With
 * `refreshToken`, the client renews the merchant's access token itself, one refresh at a time.
 * Throws `ConfigurationError` at once for both or neither of `token` and `refreshToken`, or a malformed `baseUrl`.
 *
 * @example
 * ```ts
 * const shtara = createShtaraClient({ token: process.env.SALLA_ACCESS_TOKEN!, acceptLanguage: "en" });
 * for await (const customer of shtara.customers.list({ keyword: "ahmed", maxItems: 20 })) {
 *   console.log(customer.id, customer.name, customer.phone);
 * }
 * ```
 */
export function createShtaraClient(options: ShtaraClientOptions) {
  const { refreshToken, ...rest } = options;
  // One serialized refresh at a time: a refresh token spent twice in parallel revokes both.
  const token = exactlyOneToken("shtara", options.token, ["refreshToken", refreshToken], (refresh) =>
    refreshingToken({ vendor: "shtara", ...refresh, tokenUrl: refresh.tokenUrl ?? SALLA_TOKEN_URL, fetch: options.fetch }),
  );
  return createVendorClient<paths>()(descriptor, normalizeShtaraCustomer, { ...rest, token }, { customers: shtaraExtras });
}
/** What `createShtaraClient` returns: typed raw access (`GET`, `POST`, …) on the same stack, plus `customers`. */
export type ShtaraClient = ReturnType<typeof createShtaraClient>;
/** `client.customers`: Shtara's customers, normalized to `Customer`. */
export type ShtaraCustomers = ShtaraClient["customers"];
/** What `customers.list()` takes: paging, per-call options and the list operation's own filters, named as the spec names them. */
export type ShtaraListParams = NonNullable<Parameters<ShtaraCustomers["list"]>[0]>;
/** The body a write method takes, typed from Salla's spec. */
type Body<M extends "create" | "update"> = Parameters<ShtaraCustomers[M]>[M extends "create" ? 0 : 1];
/** The body of `POST /customers`, as the vendor names its fields. */
export type ShtaraCreateCustomerInput = Body<"create">;
/** The body of `PUT /customers/{customer}`: only the fields to change. */
export type ShtaraUpdateCustomerInput = Body<"update">;
/** `customers.get` options: core's per-call options and `fields[]`, keys Salla adds to the record (19 on details). */
export type ShtaraGetOptions = NonNullable<Parameters<ShtaraCustomers["get"]>[1]>;
/** A key `fields[]` can add to one customer's details. */
export type ShtaraDetailField = NonNullable<ShtaraGetOptions["fields[]"]>[number];
/** A key `fields[]` can add to each listed customer (10 on the list). */
export type ShtaraListField = NonNullable<ShtaraListParams["fields[]"]>[number];

export type { ShtaraBanInput, ShtaraImportOptions, ShtaraImportResult } from "./extras.js";
export { descriptor as shtaraDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { ShtaraCustomer, ShtaraRawCustomer } from "./normalize.js";
