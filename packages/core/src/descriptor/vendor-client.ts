import type { Client, Middleware } from "openapi-fetch";
import type { TokenSource } from "../auth/token-provider.js";
import type { CallOptions } from "../call-options.js";
import { type ApiClient, type ClientOptions, createApiClient } from "../client.js";
import { ConfigurationError } from "../errors.js";
import { assertPhoneCountry } from "../normalize/phone-country.js";
import type { Limiter } from "../transport/limiter.js";
import { type Customers, defineCustomers, type ResourceOptions } from "./customers.js";
import type { VendorDescriptor } from "./types.js";

/** The options two or more vendors share, on top of core's. */
export interface VendorClientOptions extends ClientOptions {
  /** `Accept-Language` on every request (`ar`, `en`, `nl;q=0.5`, ...); unset, the vendor's default language. */
  acceptLanguage?: string;
  /**
   * Country (ISO 3166-1 alpha-2) for phone numbers written without a country code; `null` keeps such
   * numbers out. Default: the vendor's own (its normalizer says which).
   */
  defaultPhoneCountry?: string | null;
}

/** What a normalizer gets besides the record. */
export interface NormalizeContext {
  /** ISO 3166-1 alpha-2 country for phone numbers written without a country code; `null` keeps them out. */
  defaultPhoneCountry?: string | null;
}

/** A vendor client: typed raw access (`GET`, `POST`, ...), the `customers` resource, the limiter in use. */
export type VendorClient<Paths extends {}, CustomersApi> = Client<Paths> & {
  customers: CustomersApi;
  /** The limiter this client uses (share it with `rateLimit: client.rateLimiter`). */
  rateLimiter: Limiter | undefined;
};

/** What a vendor package adds to the client core builds, each piece only where that vendor needs it. */
export interface VendorExtension<Paths extends {}, C, Call extends CallOptions, Extra>
  extends Pick<ResourceOptions<C, Call>, "callParts" | "callKeys"> {
  /** Middleware on every request (typed raw calls included), after core's. */
  middleware?: Middleware[];
  /** Methods only this vendor has, built on the same client. */
  customers?(api: ApiClient<Paths>, normalize: (record: unknown) => Promise<C>): Extra;
}

/**
 * A vendor's client from its descriptor and normalizer: `createVendorClient<paths>()(descriptor,
 * normalize, options)`. The client object is built, not patched: openapi-fetch's methods, the
 * resource and the limiter side by side on a new object.
 */
export function createVendorClient<Paths extends {}>() {
  return <F extends VendorDescriptor["customers"], C, Call extends CallOptions = CallOptions, Extra = unknown>(
    descriptor: VendorDescriptor & { customers: F },
    normalize: (record: unknown, context: NormalizeContext) => Promise<C>,
    options: VendorClientOptions,
    extension: VendorExtension<Paths, C, Call, Extra> = {},
  ): VendorClient<Paths, Customers<Paths, F, C, Call> & Extra> => {
    const { acceptLanguage, defaultPhoneCountry, ...rest } = options;
    assertPhoneCountry(descriptor.vendor, defaultPhoneCountry);
    if (acceptLanguage !== undefined && (typeof acceptLanguage !== "string" || acceptLanguage.trim() === "")) {
      throw new ConfigurationError({ vendor: descriptor.vendor, message: "`acceptLanguage` must be a non-empty string" });
    }
    const headers = acceptLanguage === undefined ? rest.headers : { "Accept-Language": acceptLanguage, ...rest.headers };
    // The descriptor is the profile: the same facts under the same names.
    const api = createApiClient<Paths>(descriptor, { ...rest, headers }, { middleware: extension.middleware });
    const context: NormalizeContext = defaultPhoneCountry === undefined ? {} : { defaultPhoneCountry };
    const normalizeRecord = (record: unknown) => normalize(record, context);
    const customers = Object.assign(
      defineCustomers<Paths, F, C, Call>(descriptor, api, { ...extension, normalize: normalizeRecord }) as object,
      extension.customers?.(api, normalizeRecord),
    ) as Customers<Paths, F, C, Call> & Extra;
    return { ...api.client, customers, rateLimiter: api.rateLimiter };
  };
}

/** `{ token }` or `{ [provider]: settings }`, never both or neither: how a vendor with an OAuth flow takes credentials. */
export type TokenOr<Key extends string, Settings> =
  | ({ token: TokenSource } & { [K in Key]?: never })
  | ({ [K in Key]: Settings } & { token?: never });

/** The token core sends: the caller's own, or the provider built from the other choice. */
export function exactlyOneToken<Settings>(
  vendor: string,
  token: TokenSource | undefined,
  choice: [name: string, settings: Settings | undefined],
  provider: (settings: Settings) => TokenSource,
): TokenSource {
  const [name, settings] = choice;
  if ((token === undefined) === (settings === undefined)) {
    throw new ConfigurationError({ vendor, message: `${vendor}: give exactly one of \`token\` and \`${name}\`` });
  }
  return token ?? provider(settings as Settings);
}
