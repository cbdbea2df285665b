import createClient, { type Client, type ClientOptions as FetchClientOptions, type Middleware } from "openapi-fetch";
import { type TokenSource, toTokenProvider } from "./auth/token-provider.js";
import { ApiError, ConfigurationError } from "./errors.js";
import { createPathSerializer } from "./path-params.js";
import type { VendorProfile } from "./profile.js";
import { failureOf, wrapClient } from "./raw-client.js";
import { createTransport } from "./transport/create-transport.js";
import { type Limiter, type RateLimitOptions, resolveRateLimiter } from "./transport/limiter.js";
import type { Logger } from "./transport/logger.js";
import { isWholeNumber } from "./whole-number.js";

/**
 * The options every vendor factory accepts, under the same names for every vendor; a vendor's own
 * options extend these. `maxRetries`, `timeoutMs` and `headers` can also be set per call (`CallOptions`).
 */
export interface ClientOptions {
  /** A token string, a function returning one, or a provider such as `clientCredentials(...)`. */
  token?: TokenSource;
  /**
   * The API's base URL, e.g. a sandbox or a proxy (default: the vendor's own; required for
   * vendors whose tenants each have a host). A base URL with credentials in it is refused.
   */
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
  /** Typed openapi-fetch access (`GET`, `POST`, …, per-call options included), running through the whole stack. */
  client: Client<Paths>;
  /** The profile the client was built from. */
  profile: VendorProfile;
  /** The limiter every request waits on (the caller's, or one at the vendor's limit); `undefined` when `rateLimit: false`. */
  rateLimiter: Limiter | undefined;
  /** The data of a 2xx result; for anything else, throws the `ApiError` the stack built for it. */
  unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T;
}

/**
 * The client a vendor package builds on: openapi-fetch's typed client for the vendor's `paths`,
 * sending every request through the stack (auth, rate limit, retries with backoff, timeouts,
 * same-origin redirects, logging) and turning every failure into an `ApiError`. `extra.middleware`
 * is openapi-fetch middleware added after the stack's own; `extra.fetchOptions` go to openapi-fetch.
 *
 * Throws `ConfigurationError` at once for a missing or malformed `baseUrl`, a `baseUrl` with
 * credentials, a bad `maxRetries` or impossible `rateLimit` settings, so that a mistake shows at
 * start-up rather than on the first request.
 *
 * @example
 * ```ts
 * import type { paths } from "./generated/acme.js";
 *
 * export function createAcmeClient(options: ClientOptions) {
 *   const api = createApiClient<paths>({ vendor: "acme", baseUrl: "https://api.acme.test/v1" }, options);
 *   return {
 *     raw: api.client,
 *     customers: {
 *       get: async (id: string, call?: CallOptions) =>
 *         api.unwrap(await api.client.GET("/customers/{id}", { params: { path: { id } }, ...callOptions(call) })),
 *     },
 *   };
 * }
 * ```
 */
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
    throw new ConfigurationError({
      vendor: profile.vendor,
      message: `${profile.vendor}: \`baseUrl\` must not contain credentials; pass them as \`token\``,
    });
  }
  const maxRetries = options.maxRetries ?? 2;
  if (!isWholeNumber(maxRetries, 0)) {
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
    retry: { maxRetryAfterMs: options.maxRetryAfterMs },
    maxRetries,
    timeoutMs: options.timeoutMs ?? 30_000,
    deadlineMs: options.deadlineMs,
    rateLimiter,
    logger: options.logger,
    secrets,
  });

  const inner = createClient<Paths>({
    ...extra.fetchOptions,
    baseUrl,
    headers: options.headers,
    // Set once when the request is built: the stack follows redirects itself, credentials kept same-origin.
    redirect: "manual",
    pathSerializer: createPathSerializer(),
  });
  const client = wrapClient(inner, transport, { profile, secrets });
  if (extra.middleware) client.use(...extra.middleware);

  return {
    client,
    profile,
    rateLimiter,
    unwrap(result) {
      if (result.response.ok) return result.data as never;
      // Built by the stack, which knew the attempts and the request id.
      throw failureOf(result) ?? foreignFailure(profile.vendor, result.response);
    },
  };
}

/**
 * A non-2xx result that did not come through this client's stack (a misuse of `unwrap`): a plain
 * `ApiError` with its status. Its body and reason phrase came from a server and were never
 * scrubbed, so neither is kept; the per-status classes load with the first failure the stack
 * sees, which keeps them out of an app's start-up.
 */
function foreignFailure(vendor: string, response: Response): ApiError {
  const message = `HTTP ${response.status} (a result this client did not make)`;
  return new ApiError({ vendor, status: response.status, message, response });
}
