import type { TokenProvider } from "../auth/token-provider.js";
import type { Layer } from "./layer.js";

/**
 * Put `<scheme> <token>` on every attempt, so that a refreshed token is used on retries. When the
 * vendor answers 401 and the provider can refresh, drop the token and try once more.
 */
export function authLayer(provider: TokenProvider, scheme: string): Layer {
  return (next) => async (request, context) => {
    const sendWith = async (token: string) => {
      context.secrets.add(token);
      const headers = new Headers(request.headers);
      headers.set("authorization", `${scheme} ${token}`);
      return next(new Request(request.clone(), { headers }), context);
    };
    const token = await provider.getToken(context.signal);
    const response = await sendWith(token);
    if (response.status !== 401 || !provider.invalidate) return response;
    provider.invalidate(token);
    const fresh = await provider.getToken(context.signal);
    return fresh === token ? response : sendWith(fresh);
  };
}
