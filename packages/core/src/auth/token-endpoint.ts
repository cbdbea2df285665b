import { ConnectionError, InvalidResponseError } from "../errors.js";
import { AuthenticationError } from "../failure-errors.js";
import { scrubFacts } from "../transport/redact.js";
import { rememberSecret } from "../transport/secrets.js";

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

/** Form fields that name no credential: they may appear in errors as they are. */
const PUBLIC_FORM_FIELDS = new Set(["grant_type", "scope", "client_id"]);

/** A credential as sent (and as a form body percent-encodes it), so that neither form shows up in an error. */
function rememberCredential(value: string): void {
  rememberSecret(value);
  rememberSecret(encodeURIComponent(value));
  rememberSecret(new URLSearchParams({ v: value }).toString().slice(2));
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
  for (const [key, value] of Object.entries(options.form)) {
    if (value === undefined) continue;
    body.set(key, value);
    // A token endpoint that refuses may echo the form back; every value but the public ones is a credential.
    if (!PUBLIC_FORM_FIELDS.has(key)) rememberCredential(value);
  }
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (options.basicAuth) {
    const { clientId, clientSecret } = options.basicAuth;
    const basic = btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
    rememberCredential(clientSecret);
    rememberSecret(basic);
    headers.authorization = `Basic ${basic}`;
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
    // The token endpoint's answer may echo the form back: its credentials are scrubbed out.
    throw new AuthenticationError(
      scrubFacts({
        vendor: options.vendor,
        status: response.status,
        message: `Token request failed (${response.status})${description ? `: ${description}` : ""}`,
        code: typeof record.error === "string" ? record.error : undefined,
        body: json ?? undefined,
        response,
      }),
    );
  }
  if (typeof record.access_token !== "string" || record.access_token === "") {
    throw new InvalidResponseError({
      vendor: options.vendor,
      status: response.status,
      message: "The token endpoint answered without an access_token",
      response,
    });
  }
  rememberSecret(record.access_token);
  if (typeof record.refresh_token === "string") rememberCredential(record.refresh_token);
  return record as unknown as TokenResponse;
}
