/**
 * The error hierarchy's base and the errors a client raises without a failed exchange (its
 * options, its input, an unreadable 2xx, no connection). Every error a client throws is an
 * `ApiError`; the subclass says what went wrong, so callers branch with `instanceof` rather than
 * on status numbers. The per-status, timeout and abort errors are in `failure-errors.ts`.
 */

import { KIND } from "./error-kind.js";
import { scrubbedFacts } from "./transport/secrets.js";

/**
 * What an {@link ApiError} is built from. Clients build their errors themselves; a vendor package or
 * a test that needs one passes these facts, and each becomes the error property of the same name.
 */
export interface ApiErrorInit {
  /** Which vendor client raised it, e.g. `"pexip"`. */
  vendor: string;
  /** HTTP status; leave it out when no response was received. */
  status?: number | undefined;
  /** What went wrong, in words; the vendor's own message where it sends one. Never holds a credential. */
  message: string;
  /** The vendor's machine-readable error code, as a string. */
  code?: string | undefined;
  /** The vendor's request or correlation id, for its support desk. */
  requestId?: string | undefined;
  /** The parsed error body (text when it was not JSON), credentials scrubbed. */
  body?: unknown;
  /** The raw `Response`; kept off `JSON.stringify` and logs. */
  response?: Response | undefined;
  /** Per-field validation messages: field name to its messages. */
  fields?: Record<string, string[]> | undefined;
  /** How many attempts were made (default 1). */
  attempts?: number | undefined;
  /** The underlying error (a `fetch` rejection, a JSON parse error), as `Error#cause`. */
  cause?: unknown;
}

/** The kinds of `value`'s class and every class it extends, read from its prototype chain. */
function hasKind(value: object, kind: string): boolean {
  for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto.constructor ?? {}, KIND) && (proto.constructor as { [KIND]?: string })[KIND] === kind) return true;
  }
  return false;
}

/** `cls`'s own chain first, then its kind: an error from core's other build (CJS or ESM) still counts. */
function instanceOfKind(cls: abstract new (...args: never[]) => unknown, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
  if (typeof value !== "object" || value === null || !Object.hasOwn(cls, KIND)) return false;
  return hasKind(value, (cls as unknown as { [KIND]: string })[KIND]);
}

/**
 * The base of every error a client throws, so one `catch (e) { if (e instanceof ApiError) … }`
 * covers them all. Catch a subclass to handle one case; read `status`, `code`, `fields` and
 * `requestId` for the details. `JSON.stringify(error)` and loggers see the facts but never the
 * request, its headers or the raw `Response`.
 *
 * @example
 * ```ts
 * try {
 *   await client.customers.get(id);
 * } catch (e) {
 *   if (e instanceof NotFoundError) return null;
 *   if (e instanceof RateLimitError) console.warn(`slow down for ${e.retryAfterMs} ms`);
 *   if (e instanceof ApiError) console.error(e.vendor, e.status, e.code, e.requestId, e.message);
 *   throw e;
 * }
 * ```
 */
export class ApiError extends Error {
  /** @internal The brand `instanceof` reads across the CJS and ESM builds. */
  static readonly [KIND]: string = "ApiError";

  /**
   * `instanceof` by the class's own chain first, then by kind, so that an error from the other
   * build (CJS or ESM) of core is still an instance of this build's class of the same name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` asks about, not ApiError.
    return instanceOfKind(this, value);
  }

  /** HTTP status, or `undefined` when no response was received. */
  readonly status: number | undefined;
  /** Which vendor client raised it. */
  readonly vendor: string;
  /** The vendor's machine-readable error code, where it sends one. */
  readonly code: string | undefined;
  /** The vendor's request or correlation id, where there is one. */
  readonly requestId: string | undefined;
  /** The parsed error body as the vendor sent it (text when it was not JSON). */
  readonly body: unknown;
  /** Per-field validation messages, where the vendor sends them (422s, mostly). */
  readonly fields: Record<string, string[]> | undefined;
  /** How many attempts were made before this error was thrown (1 = no retry). */
  readonly attempts: number;
  /** The raw `Response`; non-enumerable so that logging an error never dumps it. */
  declare readonly response: Response | undefined;

  constructor(init: ApiErrorInit) {
    // Scrubbed here, where every error is born, once the scrubbing code has loaded (it comes with
    // the first failure; code that builds an error from what a server sent loads it first).
    const facts = scrubbedFacts(init);
    super(facts.message, facts.cause === undefined ? undefined : { cause: facts.cause });
    // The brand, not the class's own name, which a minifier renames; a subclass of the caller's keeps its name.
    this.name = Object.hasOwn(new.target, KIND) ? (new.target as unknown as { [KIND]: string })[KIND] : new.target.name;
    this.status = facts.status;
    this.vendor = facts.vendor;
    this.code = facts.code;
    this.requestId = facts.requestId;
    this.body = facts.body;
    this.fields = facts.fields;
    this.attempts = facts.attempts ?? 1;
    Object.defineProperty(this, "response", { value: facts.response, enumerable: false });
  }

  /**
   * What `JSON.stringify(error)` shows: the facts (every own enumerable property, a subclass's
   * `retryAfterMs` included), never the request, its headers or the raw `Response`.
   */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

/** A 2xx that cannot be read: not JSON, an HTML page, or a record the normalizer cannot use. */
export class InvalidResponseError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "InvalidResponseError";
}

/** No response at all: DNS, refused or dropped connection. `status` is undefined. */
export class ConnectionError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "ConnectionError";
}
/** Input the client refuses to send, such as an id that would escape its path segment. */
export class InvalidRequestError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "InvalidRequestError";
}
/** A client was created with options it cannot work with (a missing base URL, say). */
export class ConfigurationError extends ApiError {
  /** @internal */
  static override readonly [KIND]: string = "ConfigurationError";
}
