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

export interface PexipClientCredentials extends Pick<ClientCredentialsOptions, "authMethod" | "expirySkewMs"> {
  clientId: string;
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
  signal?: AbortSignal;
  correlationId?: string;
}

/** Typed raw access to every Pexip path, plus the normalized `customers` resource (get, list, update). */
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
export type PexipClient = ReturnType<typeof createPexipClient>;
export type PexipCustomers = PexipClient["customers"];
export type PexipListParams = NonNullable<Parameters<PexipCustomers["list"]>[0]>;
export type PexipCustomerUpdate = Parameters<PexipCustomers["update"]>[1];

export type { PexipEnvironment } from "./environment.js";
export { descriptor as pexipDescriptor } from "./generated/descriptor.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { PexipCustomer, PexipRawCustomer } from "./normalize.js";
