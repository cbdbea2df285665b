import type { Layer } from "./layer.js";
import type { Limiter } from "./limiter.js";

/** Hold a limiter slot for the whole attempt, body included; wait in the queue abortably. */
export function rateLimitLayer(limiter: Limiter): Layer {
  return (next) => async (request, context) => {
    const release = await limiter.acquire(context.signal);
    try {
      return await next(request, context);
    } finally {
      release();
    }
  };
}
