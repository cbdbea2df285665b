import type { TokenProvider } from "../auth/token-provider.js";
import type { Layer } from "./layer.js";

/**
 * Put `<scheme> <token>` on every attempt, so that a refreshed token is used on retries. When the
 * vendor answers 401 and the provider can refresh, drop the token and try once more.
 */
export function authLayer(provider: TokenProvider, scheme: string): Layer {
  return (next) => async (request, context) => {
    // The retry layer hands each attempt its own copy, so its headers are ours to set. Only a
    // provider that can refresh may need the request again after a 401: keep a copy for that.
    const spare = provider.invalidate ? request.clone() : undefined;
    const sendWith = (attempt: Request, token: string) => {
      context.secrets.add(token);
      attempt.headers.set("authorization", `${scheme} ${token}`);
      return next(attempt, context);
    };
    const token = await provider.getToken(context.signal);
    const response = await sendWith(request, token);
    if (response.status !== 401 || !provider.invalidate || !spare) return response;
    provider.invalidate(token);
    const fresh = await provider.getToken(context.signal);
    return fresh === token ? response : sendWith(spare, fresh);
  };
}
