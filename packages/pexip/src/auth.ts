import { type ClientCredentialsOptions, clientCredentials, type TokenSource } from "@customer-api/core/vendor-kit";
import { configError, type PexipEnvironment, pexipTokenUrl } from "./environment.js";

/** Pexip's OAuth2 scope for reading and updating customers. */
const DEFAULT_SCOPE = "engage:customers:readWrite";

export interface PexipClientCredentials extends Pick<ClientCredentialsOptions, "authMethod" | "expirySkewMs"> {
  clientId: string;
  clientSecret: string;
  /** Default `engage:customers:readWrite`; use `engage:customers:readOnly` for read-only credentials. */
  scope?: string | readonly string[];
  /** Default: the enterprise's realm on the chosen environment's auth host. */
  tokenUrl?: string;
}

/** Exactly one way to authenticate: a token you obtain yourself, or client credentials. */
export type PexipAuthOptions =
  | { token: TokenSource; clientCredentials?: never }
  | { clientCredentials: PexipClientCredentials; token?: never };

/** The `token` core sends: the caller's own, or a cached client-credentials provider. */
export function pexipTokenSource(
  options: { token?: TokenSource; clientCredentials?: PexipClientCredentials; fetch?: typeof fetch },
  enterprise: unknown,
  environment: PexipEnvironment | undefined,
): TokenSource {
  const { token, clientCredentials: credentials } = options;
  if ((token === undefined) === (credentials === undefined)) {
    throw configError("give exactly one of `token` and `clientCredentials`");
  }
  if (token !== undefined) return token;
  const { tokenUrl, scope = DEFAULT_SCOPE, ...rest } = credentials!;
  if (tokenUrl === undefined && enterprise === undefined) {
    throw configError("`clientCredentials` needs `enterprise` (the OAuth2 realm) or `clientCredentials.tokenUrl`");
  }
  return clientCredentials({
    ...rest,
    scope,
    // Without an explicit URL the realm comes from `enterprise`, which is then required.
    tokenUrl: tokenUrl ?? pexipTokenUrl(enterprise, environment),
    fetch: options.fetch,
    vendor: "pexip",
  });
}
