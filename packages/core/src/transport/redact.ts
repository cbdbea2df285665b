/** Keeping credentials out of anything a person or a log store might read. */

// Whole parameter names only: `keyword` or `national_code` are search terms, not secrets.
const SECRET_PARAM =
  /^(access_token|refresh_token|id_token|token|api_key|apikey|key|secret|client_secret|password|signature|sig|auth|code)$/i;
const MASK = "[REDACTED]";

/** The URL with secret-looking query values masked and any known credential removed. */
export function redactUrl(url: string, secrets?: ReadonlySet<string>): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return scrubSecrets(url, secrets);
  }
  parsed.username = "";
  parsed.password = "";
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, MASK);
  }
  return scrubSecrets(parsed.toString(), secrets);
}

/**
 * Every credential any client in this process has sent or been given (tokens, refresh tokens,
 * client secrets), most recent last. An error can be built where no client is at hand (a
 * normalizer refusing a record the server echoed a token into), so scrubbing cannot rely on a
 * per-client list alone. Kept on `globalThis` under a `Symbol.for` key so that the CJS and the
 * ESM build of core, loaded side by side, share one list; capped, so a long-running process that
 * refreshes its token every hour does not grow it without bound.
 */
const REGISTRY = Symbol.for("@customer-api/core.secrets");
const REGISTRY_SIZE = 256;
/** Shorter values are too likely to be ordinary words; masking them would garble messages. */
const MIN_REGISTERED = 8;

function registry(): Set<string> {
  const holder = globalThis as { [REGISTRY]?: Set<string> };
  holder[REGISTRY] ??= new Set<string>();
  return holder[REGISTRY];
}

/** Remember a credential, so that no error or log event built later in this process shows it. */
export function rememberSecret(secret: string | undefined | null): void {
  if (typeof secret !== "string" || secret.length < MIN_REGISTERED) return;
  const known = registry();
  known.delete(secret);
  known.add(secret);
  if (known.size > REGISTRY_SIZE) known.delete(known.values().next().value as string);
}

/** Replace every occurrence of a known credential (this call's, and any this process has seen) in a string. */
export function scrubSecrets(text: string, secrets?: ReadonlySet<string>): string {
  let out = text;
  if (secrets) for (const secret of secrets) if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(MASK);
  for (const secret of registry()) if (out.includes(secret)) out = out.split(secret).join(MASK);
  return out;
}

const MAX_DEPTH = 32;

/**
 * The same for a parsed body, walked value by value (a credential replaced inside JSON text could
 * break its syntax): strings and keys are scrubbed, and only what changed is rebuilt.
 */
export function scrubValue<T>(value: T, secrets?: ReadonlySet<string>): T {
  return scrubAt(value, secrets, 0, new WeakSet()) as T;
}

function scrubAt(value: unknown, secrets: ReadonlySet<string> | undefined, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return scrubSecrets(value, secrets);
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const clean = scrubAt(item, secrets, depth + 1, seen);
      if (clean === item) return;
      copy ??= [...value];
      copy[i] = clean;
    });
    return copy ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // a Response, a Date: not a parsed body
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const cleanKey = scrubSecrets(key, secrets);
    const clean = scrubAt(item, secrets, depth + 1, seen);
    if (cleanKey !== key || clean !== item) {
      copy ??= { ...(value as Record<string, unknown>) };
      if (cleanKey !== key) delete copy[key];
      copy[cleanKey] = clean;
    }
  }
  return copy ?? value;
}
