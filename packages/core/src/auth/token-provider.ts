/**
 * Where a client gets the credential it sends. A provider that can refresh also implements
 * `invalidate`, so that a 401 makes the next `getToken` fetch a new one.
 */
export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<string>;
  /** Forget `token` (the server rejected it); the next `getToken` must not return it again. */
  invalidate?(token: string): void;
}

/** The `token` option: a string, a function returning one, or a provider. */
export type TokenSource = string | (() => string | Promise<string>) | TokenProvider;

export function isTokenProvider(value: unknown): value is TokenProvider {
  return typeof value === "object" && value !== null && typeof (value as TokenProvider).getToken === "function";
}

export function toTokenProvider(source: TokenSource): TokenProvider {
  if (isTokenProvider(source)) return source;
  if (typeof source === "function") return { getToken: async () => source() };
  return { getToken: async () => source };
}
