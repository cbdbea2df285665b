import {
  type ClientCredentialsOptions,
  clientCredentials,
  createVendorClient,
  exactlyOneToken,
  lazily,
  type TokenOr,
  type VendorClientOptions,
} from "@customer-api/core/vendor-kit";
import { CORRELATION_ID_HEADER, correlationIdMiddleware } from "./correlation-id.js";
import { configError, type PexipEnvironment, pexipBaseUrl, pexipTokenUrl } from "./environment.js";
import { descriptor } from "./generated/descriptor.js";
import type { paths } from "./generated/schema.js";

/** The normalizer, and core's helpers with it, load with the first record rather than at start-up. */
export const normalizePexipCustomer = lazily(() => import("./normalize.js").then((m) => m.normalizePexipCustomer));

/** OAuth2 client credentials for Pexip's auth host; the client fetches, caches and renews the token. */
export interface PexipClientCredentials extends Pick<ClientCredentialsOptions, "authMethod" | "expirySkewMs"> {
  /** The OAuth2 client id of your Pexip Engage integration. */
  clientId: string;
  /** Its client secret; sent only to the token endpoint, never put in an error or log. */
  clientSecret: string;
  /** Default `engage:customers:readWrite`; use `engage:customers:readOnly` for read-only credentials. */
  scope?: string | readonly string[];
  /** Default: the enterprise's realm on the chosen environment's auth host. */
  tokenUrl?: string;
}

/** Exactly one way to authenticate: a token you obtain yourself, or client credentials. */
export type PexipClientOptions = Omit<VendorClientOptions, "token"> &
  TokenOr<"clientCredentials", PexipClientCredentials> & {
    /** The enterprise (tenant) name: the API path segment and the OAuth2 realm. Required unless `baseUrl` is given. */
    enterprise?: string;
    /** Default `production` (`api.pexipengage.com`, assumed host); `development` is `api.development.pexipengage.com`. */
    environment?: PexipEnvironment;
  };

/** Per call: the `X-Correlation-Id` to send (default: a new UUID per call, kept across its retries). */
export interface PexipCallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** The `X-Correlation-Id` for this call, instead of a fresh one: to find the call in Pexip's logs. */
  correlationId?: string;
}

/**
 * A client for the Pexip Engage API: `customers` returns normalized records (get, list, update), and
 * the typed `GET`, `PATCH`, … reach every path in Pexip's spec. Every request carries an
 * `X-Correlation-Id`. Throws `ConfigurationError` at once for unusable options: both or neither of
 * `token` and `clientCredentials`, client credentials without `enterprise` or `tokenUrl`, a malformed `baseUrl`.
 *
 * @example
 * ```ts
 * const pexip = createPexipClient({
 *   enterprise: "acme",
 *   clientCredentials: { clientId: process.env.PEXIP_CLIENT_ID!, clientSecret: process.env.PEXIP_CLIENT_SECRET! },
 * });
 * const customer = await pexip.customers.get("c0ffee00-0000-4000-8000-000000000000");
 * ```
 */
export function createPexipClient(options: PexipClientOptions) {
  const { enterprise, environment, clientCredentials: credentials, ...rest } = options;
  const token = exactlyOneToken(
    "pexip",
    options.token,
    ["clientCredentials", credentials],
    ({ tokenUrl, scope, ...settings }) => {
      if (tokenUrl === undefined && enterprise === undefined) {
        throw configError("`clientCredentials` needs `enterprise` (the OAuth2 realm) or `clientCredentials.tokenUrl`");
      }
      return clientCredentials({
        ...settings,
        scope: scope ?? "engage:customers:readWrite",
        // Without an explicit URL the realm comes from `enterprise`, which is then required.
        tokenUrl: tokenUrl ?? pexipTokenUrl(enterprise, environment),
        fetch: options.fetch,
        vendor: "pexip",
      });
    },
  );
  const baseUrl = options.baseUrl ?? pexipBaseUrl(enterprise, environment);
  return createVendorClient<paths>()(
    descriptor,
    normalizePexipCustomer,
    { ...rest, token, baseUrl },
    {
      middleware: [correlationIdMiddleware()],
      callKeys: ["correlationId"],
      callParts: ({ correlationId }: PexipCallOptions) => ({ params: { header: { [CORRELATION_ID_HEADER]: correlationId } } }),
    },
  );
}
/** What `createPexipClient` returns: typed raw access (`GET`, `POST`, …) on the same stack, plus `customers`. */
export type PexipClient = ReturnType<typeof createPexipClient>;
/** `client.customers`: Pexip's customers, normalized to `Customer`. */
export type PexipCustomers = PexipClient["customers"];
/** What `customers.list()` takes: paging, per-call options and the list operation's own filters, named as the spec names them. */
export type PexipListParams = NonNullable<Parameters<PexipCustomers["list"]>[0]>;
/** The body of `customers.update()`, typed from Pexip's spec: only the fields to change. */
export type PexipCustomerUpdate = Parameters<PexipCustomers["update"]>[1];

export type { PexipEnvironment } from "./environment.js";
export { descriptor as pexipDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { PexipCustomer, PexipRawCustomer } from "./normalize.js";
