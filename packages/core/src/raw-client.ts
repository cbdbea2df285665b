import type { Client, Middleware } from "openapi-fetch";
import { ApiError, InvalidRequestError } from "./errors.js";
import type { VendorProfile } from "./profile.js";
import type { Outcome, Transport } from "./transport/create-transport.js";
import type { BodyMode } from "./transport/layer.js";
import { isWholeNumber } from "./whole-number.js";

/** Where a non-2xx result keeps the `ApiError` the stack built for it, for `unwrap` to throw. */
const FAILURE = Symbol("customer-api.failure");

/** What openapi-fetch's methods resolve with. */
export interface RawResult<T = unknown> {
  /** The parsed body of a 2xx; absent otherwise. */
  data?: T;
  /** The parsed body of a non-2xx (text when it was not JSON); absent on a 2xx. */
  error?: unknown;
  /** The response, its body already read. */
  response: Response;
}

/** The `ApiError` the stack built for this result, if it is a non-2xx that came through a client. */
export function failureOf(result: RawResult): ApiError | undefined {
  return (result as { [FAILURE]?: ApiError })[FAILURE];
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * openapi-fetch's client, wrapped rather than patched (as its own `wrapAsPathBasedClient` does):
 * the same typed methods, each taking the per-call options too, running on one stack. openapi-fetch
 * builds the request; the stack sends it, reads the body once and builds the error; the result
 * is assembled here from what the stack already parsed, so openapi-fetch never parses again.
 */
export function wrapClient<Paths extends {}>(
  inner: Client<Paths>,
  transport: Transport,
  options: {
    profile: VendorProfile;
    /** Credentials the stack has sent, scrubbed out of an error built for a middleware's own response. */
    secrets: ReadonlySet<string>;
  },
): Client<Paths> {
  const { vendor } = options.profile;
  // A middleware that looks at responses gets one it can read; otherwise the stack hands back the
  // response it has already read, and openapi-fetch (asked for a "stream") leaves it alone.
  const readers = new Set<Middleware>();

  const call = async (method: string, url: string, init: Record<string, unknown> | undefined): Promise<RawResult> => {
    // The caller's signal goes to the stack only. A `Request` built with it would tie an abort
    // listener to it that lingers until that `Request` is garbage-collected: a long listing or
    // a thousand calls on one signal would pile them up (Node's MaxListenersExceededWarning).
    const { maxRetries, timeoutMs, parseAs = "json", signal, ...rest } = init ?? {};
    checkCallOptions(vendor, maxRetries, timeoutMs);
    const bodyMode = parseAs as BodyMode;
    const readable =
      readers.size > 0 || (Array.isArray(rest.middleware) && rest.middleware.some((m: Middleware) => m?.onResponse));
    let outcome: Outcome | undefined;
    let handed: Response | undefined;
    let started = false;
    const fetch = async (request: Request) => {
      started = true;
      outcome = await transport(request, {
        signal: signal as AbortSignal | null | undefined,
        maxRetries: maxRetries as number | undefined,
        timeoutMs: timeoutMs as number | undefined,
        bodyMode,
      });
      handed = handBack(outcome, bodyMode, readable);
      return handed;
    };
    let result: RawResult;
    try {
      result = await inner.request(
        method as never,
        url as never,
        {
          ...rest,
          parseAs: bodyMode === "json" ? "stream" : bodyMode,
          fetch,
        } as never,
      );
    } catch (error) {
      if (error instanceof ApiError || started) throw error;
      // Building the request threw before anything was sent (a malformed query value, a body
      // the serializer refuses): a typed error rather than a bare TypeError or URIError.
      throw (await import("./transport/on-failure.js")).requestBuildError(vendor, error);
    }
    if (outcome && result.response === handed) {
      const { response } = outcome.reply;
      if (outcome.error) return failed({ error: outcome.errorBody, response }, outcome.error);
      return { data: bodyMode === "json" ? outcome.data : result.data, response };
    }
    // A response a middleware supplied or replaced: code only apps with such middleware need.
    const own = await (await import("./own-response.js")).readOwnResponse(result, bodyMode, options.profile, options.secrets);
    return own.error ? failed(own.result, own.error) : own.result;
  };

  const client: Record<string, unknown> = {
    request: (method: string, url: string, init?: Record<string, unknown>) => call(method.toUpperCase(), url, init),
    use(...middleware: Middleware[]) {
      inner.use(...middleware);
      for (const m of middleware) if (m?.onResponse) readers.add(m);
    },
    eject(...middleware: Middleware[]) {
      inner.eject(...middleware);
      for (const m of middleware) readers.delete(m);
    },
  };
  for (const method of METHODS) client[method] = (url: string, init?: Record<string, unknown>) => call(method, url, init);
  return client as unknown as Client<Paths>;
}

/**
 * The response openapi-fetch gets back. A read 2xx goes back as it is (openapi-fetch is told to
 * leave its body alone); an error goes back without a body, because its body is already parsed.
 * Only for a `parseAs` other than JSON, or a middleware that reads responses, is a readable copy made.
 */
function handBack(outcome: Outcome, bodyMode: BodyMode, readable: boolean): Response {
  const { response, text, bytes } = outcome.reply;
  if (response.ok && bodyMode === "json" && !readable) return response;
  const init = { status: response.status, statusText: response.statusText };
  // An error's body is parsed already: an empty answer makes openapi-fetch return without reading.
  if (!response.ok && !readable) return new Response(null, { ...init, headers: EMPTY });
  const body = bytes ?? text ?? null;
  return new Response(body === "" ? null : body, { ...init, headers: response.headers });
}

const EMPTY = { "content-length": "0" };

function failed(result: RawResult, error: ApiError): RawResult {
  Object.defineProperty(result, FAILURE, { value: error });
  return result;
}

function checkCallOptions(vendor: string, maxRetries: unknown, timeoutMs: unknown): void {
  if (maxRetries !== undefined && !isWholeNumber(maxRetries, 0)) {
    throw new InvalidRequestError({ vendor, message: "`maxRetries` must be a whole number >= 0" });
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs >= 0)) {
    throw new InvalidRequestError({ vendor, message: "`timeoutMs` must be a number >= 0" });
  }
}
