import type { TokenProvider } from "../auth/token-provider.js";
import { ApiError } from "../errors.js";
import type { VendorProfile } from "../profile.js";
import { authLayer } from "./auth.js";
import { followRedirects } from "./follow-redirects.js";
import { type BodyMode, compose, type Layer, lazyLayer, type RequestContext } from "./layer.js";
import type { Limiter } from "./limiter.js";
import type { Logger } from "./logger.js";
import { rateLimitLayer } from "./rate-limit.js";
import type { Reply } from "./reply.js";
import { type RetryOptions, retryLayer } from "./retry.js";
import { callAborted, createSend } from "./send.js";
import { timeoutLayer } from "./timeout.js";

export interface TransportOptions {
  profile: VendorProfile;
  fetch: typeof fetch;
  token?: TokenProvider | undefined;
  retry: RetryOptions;
  /** Defaults for every call; a call may override them. */
  maxRetries: number;
  timeoutMs: number;
  /** Overall budget for one call, retries and waits included. */
  deadlineMs?: number | undefined;
  rateLimiter?: Limiter | undefined;
  logger?: Logger | undefined;
  /** Credentials seen so far; errors built from responses scrub them. */
  secrets: Set<string>;
}

/** What one call asks of the stack, beyond the request itself. */
export interface CallSettings {
  signal?: AbortSignal | null | undefined;
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  bodyMode: BodyMode;
}

/** How a call ended: the final reply and, built here once, its data or its error. */
export interface Outcome {
  reply: Reply;
  /** A 2xx's JSON, parsed once (only when the caller wants JSON). */
  data?: unknown;
  /** A non-2xx's `ApiError`, with the attempts, the request id and the secrets scrubbed. */
  error?: ApiError;
  /** A non-2xx's body, parsed as JSON when it parses (else its text): openapi-fetch's `error`. */
  errorBody?: unknown;
}

export type Transport = (request: Request, call: CallSettings) => Promise<Outcome>;

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/**
 * The stack one call runs through: retry, then rate limit, auth, logging, per-attempt timeout,
 * safe redirects and the exchange itself, each in its own module. Its outermost step, here, holds
 * the final reply, the attempt count, the request id and the secrets, so it builds the error.
 */
export function createTransport(options: TransportOptions): Transport {
  const { profile, secrets } = options;
  const layers: Layer[] = [retryLayer({ ...options.retry, onRetryAfter: (ms) => options.rateLimiter?.pause(ms) })];
  if (options.rateLimiter) layers.push(rateLimitLayer(options.rateLimiter));
  if (options.token) layers.push(authLayer(options.token, profile.authScheme ?? "Bearer"));
  const { logger } = options;
  // The logger and its URL redaction load with the first request, and only for a client that has one.
  if (logger) layers.push(lazyLayer(() => import("./logger.js").then((m) => m.loggerLayer(logger))));
  layers.push(timeoutLayer(), followRedirects());
  const send = compose(...layers)(createSend(options.fetch));
  const deadlineMs = options.deadlineMs ?? Number.POSITIVE_INFINITY;
  const hasDeadline = deadlineMs >= 0 && deadlineMs < Number.POSITIVE_INFINITY;
  let deadlines: typeof import("./deadline.js") | undefined;

  return async (request, call) => {
    const callerSignal = call.signal ?? undefined;
    // A deadline signal only when there is a deadline (its code loads with the first call that has
    // one); otherwise the caller's signal (or none) is the call's.
    if (hasDeadline) deadlines ??= await import("./deadline.js");
    const deadline = deadlines?.startDeadline(deadlineMs, profile.vendor, callerSignal, () => context.attempt);
    const context: RequestContext = {
      profile,
      request,
      body: undefined,
      signal: deadline ? deadline.signal : callerSignal,
      callerSignal,
      attemptSignal: undefined,
      attempt: 0,
      maxRetries: call.maxRetries ?? options.maxRetries,
      timeoutMs: call.timeoutMs ?? options.timeoutMs,
      bodyMode: call.bodyMode,
      secrets,
    };
    try {
      if (context.signal?.aborted) throw await callAborted(context);
      // Read the request body once, so every attempt and redirect can send it again without a copy.
      if (request.body !== null) (context as { body: ArrayBuffer | undefined }).body = await request.arrayBuffer();
      const outcome = finish(await send(request, context), context);
      // Only a failure waits for its error builder; a 2xx costs no extra await.
      return outcome instanceof Promise ? await outcome : outcome;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // A token provider or a limiter that rejects with the signal's own reason.
      throw context.signal?.aborted ? await callAborted(context) : error;
    } finally {
      deadline?.stop();
    }
  };
}

/** The final reply as data (a 2xx, JSON checked and parsed once) or as the `ApiError` it stands for. */
function finish(reply: Reply, context: RequestContext): Outcome | Promise<Outcome> {
  const { response } = reply;
  if (!response.ok)
    return import("./on-failure.js").then((m) => ({
      reply,
      error: m.responseError(reply, context),
      errorBody: m.replyBody(reply),
    }));
  const { text } = reply;
  if (context.bodyMode !== "json" || text === undefined || text === "") return { reply };
  const type = response.headers.get("content-type");
  if (type !== null && !JSON_TYPE.test(type)) return unreadable(reply, context, `expected JSON, got ${type.split(";")[0]}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable(reply, context, "the body is not valid JSON");
  }
  return { reply, data };
}

async function unreadable(reply: Reply, context: RequestContext, reason: string): Promise<never> {
  throw (await import("./on-failure.js")).unreadableError(reply, context, reason);
}
