/**
 * Where a client gets the credential it sends. A provider that can refresh also implements
 * `invalidate`, so that a 401 makes the next `getToken` fetch a new one.
 */
export interface TokenProvider {
  /**
   * The token to send now. Called before every attempt, so it should answer from a cache; it may
   * fetch a new token when the cached one is near expiry. `signal` aborts that fetch.
   */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Forget `token` (the server rejected it); the next `getToken` must not return it again. */
  invalidate?(token: string): void;
}

/** The `token` option: a string, a function returning one, or a provider. */
export type TokenSource = string | (() => string | Promise<string>) | TokenProvider;

export function isTokenProvider(value: unknown): value is TokenProvider {
  return typeof value === "object" && value !== null && typeof (value as TokenProvider).getToken === "function";
}

/**
 * The `token` option as a provider: a provider as it is, a function called before every attempt,
 * a string returned as it is. Neither of the last two can refresh, so a 401 is final with them.
 */
export function toTokenProvider(source: TokenSource): TokenProvider {
  if (isTokenProvider(source)) return source;
  if (typeof source === "function") return { getToken: async () => source() };
  return { getToken: async () => source };
}

/**
 * A provider whose implementation loads with the first `getToken`. Before that nothing was
 * handed out, so there is nothing to invalidate.
 */
export function deferredProvider(load: () => Promise<TokenProvider>): TokenProvider {
  let provider: TokenProvider | undefined;
  let loading: Promise<TokenProvider> | undefined;
  return {
    getToken(signal) {
      if (provider) return provider.getToken(signal);
      loading ??= load().then((loaded) => (provider = loaded));
      return loading.then((loaded) => loaded.getToken(signal));
    },
    invalidate(token) {
      provider?.invalidate?.(token);
    },
  };
}
