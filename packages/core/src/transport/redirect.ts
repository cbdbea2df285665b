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
    let current = new Request(request, { redirect: "manual" });
    for (let hop = 0; ; hop++) {
      const response = await next(current, context);
      if (response.type === "opaqueredirect") return next(new Request(request, { redirect: "follow" }), context);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
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
        body: method === "GET" || method === "HEAD" ? null : await current.clone().arrayBuffer(),
        signal: current.signal,
        redirect: "manual",
      });
    }
  };
}
