import type { TokenProvider } from "../auth/token-provider.js";
import type { Layer } from "./layer.js";
import { rememberSecret } from "./secrets.js";

/**
 * Put `<scheme> <token>` on every attempt, so that a refreshed token is used on retries. When the
 * vendor answers 401 and the provider can refresh, drop the token and try once more.
 */
export function authLayer(provider: TokenProvider, scheme: string): Layer {
  return (next) => async (request, context) => {
    // The request belongs to this call (openapi-fetch built it for us) and its body was read ahead,
    // so setting the header and sending it again needs no copy.
    const sendWith = (token: string) => {
      context.secrets.add(token);
      rememberSecret(token);
      request.headers.set("authorization", `${scheme} ${token}`);
      return next(request, context);
    };
    const token = await provider.getToken(context.signal);
    const reply = await sendWith(token);
    if (reply.response.status !== 401 || !provider.invalidate) return reply;
    provider.invalidate(token);
    const fresh = await provider.getToken(context.signal);
    return fresh === token ? reply : sendWith(fresh);
  };
}
