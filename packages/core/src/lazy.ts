/**
 * A function whose module loads on its first call, so that an app ships it only when it uses it:
 * `const normalize = lazily(() => import("./normalize.js").then((m) => m.normalizeAcmeCustomer))`.
 */
// biome-ignore lint/suspicious/noExplicitAny: a constraint that accepts any function signature
export function lazily<F extends (...args: any[]) => unknown>(
  load: () => Promise<F>,
): (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>> {
  let loaded: F | undefined;
  let loading: Promise<F> | undefined;
  return async (...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> => {
    loading ??= load();
    loaded ??= await loading;
    return (await loaded(...args)) as Awaited<ReturnType<F>>;
  };
}
