import type { TokenProvider } from "../auth/token-provider.js";
import { TimeoutError, UserAbortError } from "../errors.js";
import type { VendorProfile } from "../profile.js";
import { authLayer } from "./auth.js";
import { ensureJsonBody } from "./json-body.js";
import { compose, type Layer, type RequestContext } from "./layer.js";
import { loggerLayer, type Logger } from "./logger.js";
import { rateLimitLayer } from "./rate-limit.js";
import type { Limiter } from "./limiter.js";
import { redirectLayer } from "./redirect.js";
import { retryLayer, type RetryOptions } from "./retry.js";
import { createSend } from "./send.js";
import { linkSignal } from "./signals.js";
import { timeoutLayer } from "./timeout.js";

export interface TransportOptions {
  profile: VendorProfile;
  fetch: typeof fetch;
  token?: TokenProvider | undefined;
  retry: RetryOptions;
  timeoutMs: number;
  /** Overall budget for one call, retries and waits included. */
  deadlineMs?: number | undefined;
  rateLimiter?: Limiter | undefined;
  logger?: Logger | undefined;
  /** Credentials seen so far; errors built from responses scrub them. */
  secrets: Set<string>;
}

/**
 * The `fetch` that openapi-fetch calls: retry, then rate limit, auth, logging, per-attempt
 * timeout, safe redirects and the exchange itself, each in its own module.
 */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { profile } = options;
  const layers: Layer[] = [
    retryLayer({ ...options.retry, onRetryAfter: (ms) => options.rateLimiter?.pause(ms) }),
  ];
  if (options.rateLimiter) layers.push(rateLimitLayer(options.rateLimiter));
  if (options.token) layers.push(authLayer(options.token, profile.authScheme ?? "Bearer"));
  if (options.logger) layers.push(loggerLayer(options.logger));
  layers.push(timeoutLayer(options.timeoutMs), redirectLayer());
  const send = compose(...layers)(createSend(options.fetch));

  return async (request) => {
    const deadline = linkSignal({
      parent: request.signal,
      mapReason: (reason) =>
        new UserAbortError({ vendor: profile.vendor, message: "The request was aborted by the caller", cause: reason }),
      timeoutMs: options.deadlineMs,
      timeoutReason: () =>
        new TimeoutError({ vendor: profile.vendor, message: `The overall deadline of ${options.deadlineMs} ms ran out` }),
    });
    const context: RequestContext = { profile, signal: deadline.signal, attempt: 0, secrets: options.secrets };
    try {
      if (deadline.signal.aborted) throw deadline.signal.reason;
      const response = await send(request, context);
      echoRequestId(request, response, profile.requestIdHeaders);
      return await ensureJsonBody(response, context);
    } finally {
      deadline.dispose();
    }
  };
}

/**
 * A correlation id the client sent (Pexip's `X-Correlation-Id`) identifies the exchange even when
 * the vendor does not echo it: copy it onto the response so errors carry it as `requestId`.
 */
function echoRequestId(request: Request, response: Response, names: readonly string[] | undefined): void {
  for (const name of names ?? []) {
    const sent = request.headers.get(name);
    if (sent && !response.headers.has(name)) {
      try {
        response.headers.set(name, sent);
      } catch {
        // Headers of a response we did not build can be immutable; the id is then simply absent.
      }
      return;
    }
  }
}
