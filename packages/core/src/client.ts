import createClient, { type Client, type ClientOptions as FetchClientOptions, type Middleware } from "openapi-fetch";
import { type TokenSource, toTokenProvider } from "./auth/token-provider.js";
import { errorFromResponse } from "./error-from-response.js";
import { ApiError, ConfigurationError, InvalidRequestError, InvalidResponseError } from "./errors.js";
import { createPathSerializer } from "./path-params.js";
import type { VendorProfile } from "./profile.js";
import { createTransport } from "./transport/create-transport.js";
import type { Logger } from "./transport/logger.js";
import type { Limiter } from "./transport/limiter.js";
import { type RateLimitOptions, resolveRateLimiter } from "./transport/rate-limiter.js";

/** The options every vendor factory accepts (DESIGN.md "Public contract"). */
export interface ClientOptions {
  /** A token string, a function returning one, or a provider such as `clientCredentials(...)`. */
  token?: TokenSource;
  baseUrl?: string;
  /** A custom `fetch` (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /** Retries after the first attempt; default 2, 0 disables. */
  maxRetries?: number;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Overall budget for one call, retries and waits included; default none. */
  deadlineMs?: number;
  /** A server-requested wait beyond this throws `RateLimitError` at once; default 60 s. */
  maxRetryAfterMs?: number;
  /** Default: the vendor's documented limit. `false` disables; any `Limiter` (a shared `RateLimiter`, a Redis one) is used as is. */
  rateLimit?: RateLimitOptions | Limiter | false;
  /** Sees every attempt, credentials redacted. */
  logger?: Logger;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** What a vendor package gets from core to build its client on. */
export interface ApiClient<Paths extends {}> {
  /** The typed openapi-fetch client, running through the whole transport stack. */
  client: Client<Paths>;
  profile: VendorProfile;
  rateLimiter: Limiter | undefined;
  /** The data of a 2xx result, or the matching `ApiError` for anything else. */
  unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T;
  /** An `InvalidResponseError` for a 2xx whose content the client cannot use. */
  invalidResponse(message: string, response?: Response, body?: unknown): InvalidResponseError;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;

export function createApiClient<Paths extends {}>(
  profile: VendorProfile,
  options: ClientOptions,
  extra: { middleware?: Middleware[]; fetchOptions?: Partial<FetchClientOptions> } = {},
): ApiClient<Paths> {
  const baseUrl = options.baseUrl ?? profile.baseUrl;
  if (!baseUrl) {
    throw new ConfigurationError({ vendor: profile.vendor, message: `${profile.vendor}: \`baseUrl\` is required` });
  }
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new ConfigurationError({ vendor: profile.vendor, message: `${profile.vendor}: \`baseUrl\` is not a URL` });
  }
  // Credentials in the URL would be echoed by fetch's own errors; they belong in `token`.
  if (parsed.username || parsed.password) {
    throw new ConfigurationError({ vendor: profile.vendor, message: `${profile.vendor}: \`baseUrl\` must not contain credentials; pass them as \`token\`` });
  }
  const maxRetries = options.maxRetries ?? 2;
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new ConfigurationError({ vendor: profile.vendor, message: "`maxRetries` must be a whole number >= 0" });
  }
  let rateLimiter: Limiter | undefined;
  try {
    rateLimiter = resolveRateLimiter(options.rateLimit, profile.rateLimit);
  } catch (cause) {
    throw new ConfigurationError({ vendor: profile.vendor, message: String((cause as Error).message), cause });
  }
  const secrets = new Set<string>();
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const transport = createTransport({
    profile,
    fetch: fetchFn as typeof fetch,
    token: options.token === undefined ? undefined : toTokenProvider(options.token),
    retry: { maxRetries, maxRetryAfterMs: options.maxRetryAfterMs },
    timeoutMs: options.timeoutMs ?? 30_000,
    deadlineMs: options.deadlineMs,
    rateLimiter,
    logger: options.logger,
    secrets,
  });

  const client = createClient<Paths>({
    ...extra.fetchOptions,
    baseUrl,
    headers: options.headers,
    fetch: transport,
    pathSerializer: createPathSerializer(profile.vendor),
  });
  if (extra.middleware) client.use(...extra.middleware);
  guardRequestBuilding(client, profile.vendor);

  return {
    client,
    profile,
    rateLimiter,
    unwrap(result) {
      if (result.response.ok) return result.data as never;
      throw errorFromResponse(profile, result.response, result.error, secrets);
    },
    invalidResponse(message, response, body) {
      return new InvalidResponseError({ vendor: profile.vendor, status: response?.status, message, response, body });
    },
  };
}

/**
 * Building a request can throw before anything is sent (a malformed query value makes
 * `encodeURIComponent` throw a URIError, a broken base URL a TypeError). Callers get an
 * `InvalidRequestError` instead of a bare built-in error.
 */
function guardRequestBuilding(client: Client<any>, vendor: string): void {
  const target = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of METHODS) {
    const original = target[method]!;
    target[method] = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new InvalidRequestError({
          vendor,
          message: `Could not build the request: ${(error as Error)?.message ?? String(error)}`,
          cause: error,
        });
      }
    };
  }
}
