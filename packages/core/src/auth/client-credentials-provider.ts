import { endpointFetch, requestToken, type TokenEndpointOptions } from "./token-endpoint.js";
import type { TokenProvider } from "./token-provider.js";

/** The options of `clientCredentials`: the token endpoint, the client, and what to ask for. */
export interface ClientCredentialsOptions extends TokenEndpointOptions {
  /** The scopes to ask for: one space-separated string or a list (default: none, the client's own). */
  scope?: string | readonly string[];
  /** Send the client credentials as HTTP Basic (default) or in the form body. */
  authMethod?: "basic" | "body";
}

/**
 * OAuth2 client credentials (RFC 6749 section 4.4). The token is cached until shortly before it
 * expires, and however many requests wait, only one token request is in flight.
 */
export function createClientCredentials(options: ClientCredentialsOptions): TokenProvider {
  const skew = options.expirySkewMs ?? 30_000;
  const fetchFn = endpointFetch(options);
  let cached: { token: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const scope = Array.isArray(options.scope) ? options.scope.join(" ") : (options.scope as string | undefined);
    const useBody = options.authMethod === "body";
    const answer = await requestToken({
      vendor: options.vendor ?? "oauth2",
      tokenUrl: options.tokenUrl,
      fetch: fetchFn,
      form: {
        grant_type: "client_credentials",
        scope,
        client_id: useBody ? options.clientId : undefined,
        client_secret: useBody ? options.clientSecret : undefined,
      },
      basicAuth: useBody ? undefined : { clientId: options.clientId, clientSecret: options.clientSecret },
    });
    const lifetimeMs = (answer.expires_in ?? 300) * 1000;
    cached = { token: answer.access_token, expiresAt: Date.now() + Math.max(0, lifetimeMs - skew) };
    return answer.access_token;
  };

  return {
    async getToken() {
      if (cached && Date.now() < cached.expiresAt) return cached.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
