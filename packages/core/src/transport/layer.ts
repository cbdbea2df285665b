import type { VendorProfile } from "../profile.js";

/** What every layer knows about the logical request it is serving (one per call, across retries). */
export interface RequestContext {
  profile: VendorProfile;
  /** Aborts on the caller's signal (UserAbortError) or the overall deadline (TimeoutError). */
  signal: AbortSignal;
  /** 1 for the first attempt. */
  attempt: number;
  /** Credentials sent with this request, so that errors and logs can scrub them. */
  secrets: Set<string>;
}

export type Send = (request: Request, context: RequestContext) => Promise<Response>;
/** One concern of the transport: gets the next layer, returns a sender that wraps it. */
export type Layer = (next: Send) => Send;

/** `compose(a, b, c)(send)` = a(b(c(send))): the first layer is the outermost. */
export function compose(...layers: Layer[]): Layer {
  return (send) => layers.reduceRight((next, layer) => layer(next), send);
}
