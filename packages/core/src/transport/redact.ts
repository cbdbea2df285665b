/**
 * Keeping credentials out of anything a person or a log store might read. Failure-only code: it
 * loads with the first failure (or the first logged request), and from then on every `ApiError`
 * is built through {@link scrubFacts}.
 */
import type { ApiErrorInit } from "../errors.js";
import { installScrubber, knownSecrets } from "./secrets.js";

export { rememberSecret } from "./secrets.js";

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

/** Replace every occurrence of a known credential (this call's, and any this process has seen) in a string. */
export function scrubSecrets(text: string, secrets?: ReadonlySet<string>): string {
  let out = text;
  if (secrets) for (const secret of secrets) if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(MASK);
  for (const secret of knownSecrets()) if (out.includes(secret)) out = out.split(secret).join(MASK);
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

/**
 * An error's facts with every known credential scrubbed out of what it says and carries: whatever a
 * server echoed back (a token in its message, its body or a request-id header) never reaches the
 * message, the stack or a log. Code that builds an error from what a server sent passes its facts
 * through this, which also loads (and so installs) the scrubber every later error goes through.
 */
export function scrubFacts<T extends ApiErrorInit>(facts: T, secrets?: ReadonlySet<string>): T {
  return {
    ...facts,
    message: scrubSecrets(facts.message, secrets),
    code: facts.code === undefined ? undefined : scrubSecrets(facts.code, secrets),
    requestId: facts.requestId === undefined ? undefined : scrubSecrets(facts.requestId, secrets),
    body: scrubValue(facts.body, secrets),
    fields: scrubValue(facts.fields, secrets),
  };
}

installScrubber((facts) => scrubFacts(facts as ApiErrorInit) as typeof facts);
