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

/**
 * What every `ApiError` is passed through as it is built. The scrubbing code is failure-only, so it
 * loads with the first failure and installs itself here (shared by both builds of core, like the
 * list); until then the only errors built are the client's own words about its options.
 */
const SCRUBBER = Symbol.for("@customer-api/core.error-scrubber");

interface Holder {
  [REGISTRY]?: Set<string>;
  [SCRUBBER]?: <T>(facts: T) => T;
}
const holder = globalThis as Holder;

/** The credentials this process has seen, shared by every copy of core. */
export function knownSecrets(): Set<string> {
  holder[REGISTRY] ??= new Set<string>();
  return holder[REGISTRY];
}

/** Remember a credential, so that no error or log event built later in this process shows it. */
export function rememberSecret(secret: string | undefined | null): void {
  if (typeof secret !== "string" || secret.length < MIN_REGISTERED) return;
  const known = knownSecrets();
  known.delete(secret);
  known.add(secret);
  if (known.size > REGISTRY_SIZE) known.delete(known.values().next().value as string);
}

/** What an error carries that a server may have sent. */
interface Facts {
  body?: unknown;
  fields?: unknown;
}

/**
 * The facts of an error with every known credential scrubbed out. Before the scrubbing code has
 * loaded, the only errors built carry the client's own words (about its options, a path parameter,
 * a status code); what a server sent (a body, field errors) is left out, so that no order of
 * loading can leak a credential it echoed.
 */
export function scrubbedFacts<T extends Facts>(facts: T): T {
  const scrub = holder[SCRUBBER];
  return scrub ? scrub(facts) : { ...facts, body: undefined, fields: undefined };
}

/** Called by the scrubbing module as it loads. */
export function installScrubber(scrub: <T>(facts: T) => T): void {
  holder[SCRUBBER] ??= scrub;
}
