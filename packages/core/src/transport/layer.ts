import type { VendorProfile } from "../profile.js";
import type { Reply } from "./reply.js";

/** How the caller wants the body of a 2xx: JSON (the default, read and parsed once here) or as openapi-fetch's `parseAs` says. */
export type BodyMode = "json" | "text" | "blob" | "arrayBuffer" | "stream";

/**
 * What every layer knows about the logical request it is serving: one per call, shared by its
 * attempts, so nothing is copied per attempt.
 */
export interface RequestContext {
  profile: VendorProfile;
  /** The request openapi-fetch built; every attempt sends it (a redirect hop sends its own). */
  readonly request: Request;
  /** The request body, read once so that a retry or a 307/308 can send it again. */
  readonly body: ArrayBuffer | undefined;
  /** Aborts on the caller's signal or the overall deadline; absent when there is neither. */
  readonly signal: AbortSignal | undefined;
  /** The caller's own signal, to tell its abort from the deadline's. */
  readonly callerSignal: AbortSignal | undefined;
  /** The signal `fetch` gets for the current attempt: the call's signal plus the attempt's timeout. */
  attemptSignal: AbortSignal | undefined;
  /** Set when the current attempt's `timeoutMs` ran out (its signal then aborts). */
  attemptTimedOut?: boolean;
  /** 1 for the first attempt. */
  attempt: number;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly bodyMode: BodyMode;
  /** Credentials sent with this request, so that errors and logs can scrub them. */
  readonly secrets: Set<string>;
}

/** One exchange of an attempt: the request a hop actually sent, its response, the body read once. */
export type Send = (request: Request, context: RequestContext) => Promise<Reply>;
/** One concern of the transport: gets the next layer, returns a sender that wraps it. */
export type Layer = (next: Send) => Send;

/** `compose(a, b, c)(send)` = a(b(c(send))): the first layer is the outermost. */
export function compose(...layers: Layer[]): Layer {
  return (send) => layers.reduceRight((next, layer) => layer(next), send);
}

/**
 * A layer whose module loads with the first request through it (the logger, say), so an app
 * that never needs it never ships it at start-up. Once loaded, requests go straight through.
 */
export function lazyLayer(load: () => Promise<Layer>): Layer {
  return (next) => {
    let send: Send | undefined;
    let loading: Promise<Send> | undefined;
    return (request, context) => {
      if (send) return send(request, context);
      loading ??= load().then((layer) => (send = layer(next)));
      return loading.then((loaded) => loaded(request, context));
    };
  };
}
