import type { Layer } from "./layer.js";
import type { Limiter } from "./limiter.js";
import { callAborted } from "./send.js";

/** Hold a limiter slot for the whole attempt, body included; wait in the queue abortably. */
export function rateLimitLayer(limiter: Limiter): Layer {
  return (next) => async (request, context) => {
    let release: () => void;
    try {
      release = await limiter.acquire(context.signal);
    } catch (error) {
      throw context.signal?.aborted ? await callAborted(context) : error;
    }
    try {
      return await next(request, context);
    } finally {
      release();
    }
  };
}
