/** What every resource method takes as its last argument; vendors extend it (Pexip's correlation id, Coax's location). */
export interface CallOptions {
  /** Cancels the call: the request, a backoff wait or a wait in the limiter queue. */
  signal?: AbortSignal;
}
