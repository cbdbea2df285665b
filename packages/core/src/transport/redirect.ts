import { ConnectionError } from "../errors.js";
import type { Layer } from "./layer.js";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];
const MAX_REDIRECTS = 5;

/**
 * Follow redirects ourselves so that credentials never reach another origin: a hop to a
 * different origin goes without `Authorization` or cookies. Where the runtime hides redirects
 * (a browser's opaque redirect) we let it follow them; browsers strip credentials themselves.
 */
export function redirectLayer(): Layer {
  return (next) => async (request, context) => {
    // openapi-fetch built the request with `redirect: "manual"` already: the first hop sends it as it is.
    let current = request;
    for (let hop = 0; ; hop++) {
      const reply = await next(current, context);
      const { response } = reply;
      if (response.type === "opaqueredirect") {
        return next(new Request(request, { redirect: "follow", body: context.body ?? null }), context);
      }
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null) return reply;
      if (hop >= MAX_REDIRECTS) {
        throw new ConnectionError({
          vendor: context.profile.vendor,
          status: undefined,
          message: `Gave up after ${MAX_REDIRECTS} redirects`,
        });
      }
      const target = new URL(location, current.url);
      const headers = new Headers(current.headers);
      if (target.origin !== new URL(current.url).origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      const becomesGet =
        response.status === 303 || ((response.status === 301 || response.status === 302) && current.method === "POST");
      if (becomesGet) headers.delete("content-type");
      const method = becomesGet ? "GET" : current.method;
      current = new Request(target, {
        method,
        headers,
        // The body read once before the first attempt: a 307/308 resends it, byte for byte.
        body: method === "GET" || method === "HEAD" ? null : (context.body ?? null),
        redirect: "manual",
      });
    }
  };
}
