import { AuthenticationError, ConnectionError, InvalidResponseError } from "../errors.js";

/** Where and as whom a refreshing provider asks for tokens. */
export interface TokenEndpointOptions {
  /** The OAuth2 token endpoint's absolute URL. */
  tokenUrl: string;
  /** The OAuth2 client id. */
  clientId: string;
  /** The OAuth2 client secret; sent only to `tokenUrl`, never put in an error or log. */
  clientSecret: string;
  /** Get a new token this long before the current one expires (default 30 s). */
  expirySkewMs?: number;
  /** A custom `fetch` for the token requests (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /** Carried on errors. */
  vendor?: string;
}

/** The `fetch` a provider uses: its own, or the global one looked up at call time. */
export function endpointFetch(options: TokenEndpointOptions): typeof fetch {
  return options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
}

/** The parts of an OAuth2 token response we use (RFC 6749 section 5.1). */
export interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
}

/**
 * POST a form to an OAuth2 token endpoint and read the answer. Errors name the endpoint's
 * `error`/`error_description` but never the credentials sent.
 */
export async function requestToken(options: {
  vendor: string;
  tokenUrl: string;
  form: Record<string, string | undefined>;
  basicAuth?: { clientId: string; clientSecret: string } | undefined;
  fetch: typeof fetch;
  signal?: AbortSignal | undefined;
}): Promise<TokenResponse> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(options.form)) if (value !== undefined) body.set(key, value);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (options.basicAuth) {
    const { clientId, clientSecret } = options.basicAuth;
    headers.authorization = `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`)}`;
  }
  let response: Response;
  try {
    response = await options.fetch(options.tokenUrl, { method: "POST", headers, body, signal: options.signal });
  } catch (cause) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw new ConnectionError({ vendor: options.vendor, message: "Could not reach the token endpoint", cause });
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const record = (json ?? {}) as Record<string, unknown>;
  if (!response.ok) {
    const description = [record.error, record.error_description].filter((v) => typeof v === "string").join(": ");
    throw new AuthenticationError({
      vendor: options.vendor,
      status: response.status,
      message: `Token request failed (${response.status})${description ? `: ${description}` : ""}`,
      code: typeof record.error === "string" ? record.error : undefined,
      body: json ?? undefined,
      response,
    });
  }
  if (typeof record.access_token !== "string" || record.access_token === "") {
    throw new InvalidResponseError({
      vendor: options.vendor,
      status: response.status,
      message: "The token endpoint answered without an access_token",
      response,
    });
  }
  return record as unknown as TokenResponse;
}
