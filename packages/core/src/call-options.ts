/**
 * What every resource method and every typed raw call takes per call (Stainless's
 * `RequestOptions`); vendors extend it (Pexip's correlation id, Coax's location).
 */
export interface CallOptions {
  /** Cancels the call: the request, a backoff wait or a wait in the limiter queue. */
  signal?: AbortSignal | undefined;
  /** Retries after the first attempt for this call (default: the client's). */
  maxRetries?: number | undefined;
  /** Per attempt, for this call (default: the client's); `0` or `Infinity` turns the timeout off. */
  timeoutMs?: number | undefined;
  /** Extra headers for this call, on top of the client's. */
  headers?: Record<string, string> | undefined;
}

/**
 * The call options out of a method's options, to spread into a raw call: the vendor's own
 * options (a correlation id, a ban reason) stay out of the request.
 */
export function callOptions(options: CallOptions | undefined): CallOptions {
  if (!options) return {};
  const { signal, maxRetries, timeoutMs, headers } = options;
  return { signal, maxRetries, timeoutMs, headers };
}
