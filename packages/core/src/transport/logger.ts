import { ApiError } from "../errors.js";
import type { Layer } from "./layer.js";
import { redactUrl, scrubSecrets } from "./redact.js";
import { findRequestId } from "./request-id.js";

/** One event per attempt. Credentials are never part of it: no headers, and secret-looking query values masked. */
export interface AttemptLog {
  /** Which vendor client sent it. */
  vendor: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The request URL, with secret-looking query values masked. */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  /** Absent when the attempt failed without a response. */
  status?: number;
  /** From sending the attempt to its response headers (or its failure), in milliseconds. */
  durationMs: number;
  /** The vendor's request or correlation id, from the response headers that carry it. */
  requestId?: string;
  /** The error's class name when the attempt threw. */
  error?: string;
}

/**
 * The `logger` option: called once per attempt, after it ends. Whatever it throws is ignored, so a
 * broken logger never breaks a request.
 *
 * @example
 * ```ts
 * const client = createHomeleClient({ token, logger: (event) => console.debug(JSON.stringify(event)) });
 * ```
 */
export type Logger = (event: AttemptLog) => void;

export function loggerLayer(logger: Logger): Layer {
  return (next) => async (request, context) => {
    const started = performance.now();
    const base = { vendor: context.profile.vendor, method: request.method, url: redactUrl(request.url, context.secrets) };
    const emit = (event: AttemptLog) => {
      try {
        logger(event);
      } catch {
        // A broken logger must not break the request.
      }
    };
    try {
      const reply = await next(request, context);
      const { response } = reply;
      // A gateway may echo the Authorization header as the request id: the event gets it scrubbed.
      const echoed = findRequestId(response.headers, context.profile.requestIdHeaders);
      const requestId = echoed === undefined ? undefined : scrubSecrets(echoed, context.secrets);
      emit({
        ...base,
        attempt: context.attempt,
        status: response.status,
        durationMs: performance.now() - started,
        ...(requestId ? { requestId } : {}),
      });
      return reply;
    } catch (error) {
      emit({
        ...base,
        attempt: context.attempt,
        durationMs: performance.now() - started,
        error: error instanceof ApiError ? error.name : "Error",
      });
      throw error;
    }
  };
}
