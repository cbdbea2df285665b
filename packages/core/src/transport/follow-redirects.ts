import type { Layer, Send } from "./layer.js";
import type { Reply } from "./reply.js";

/**
 * Redirect following (redirect.ts), loaded with the first 3xx: most apps never see one, so
 * they never ship it. The reply that turned out to be a redirect is handed to it as its first hop.
 */
export function followRedirects(): Layer {
  return (next) => {
    let follow: typeof import("./redirect.js") | undefined;
    return async (request, context) => {
      const reply = await next(request, context);
      const { response } = reply;
      if (response.type !== "opaqueredirect" && !(response.status >= 300 && response.status < 400)) return reply;
      follow ??= await import("./redirect.js");
      let first: Reply | undefined = reply;
      const replayFirst: Send = (hop, hopContext) => {
        if (first === undefined || hop !== request) return next(hop, hopContext);
        const answer = first;
        first = undefined;
        return Promise.resolve(answer);
      };
      return follow.redirectLayer()(replayFirst)(request, context);
    };
  };
}
