/**
 * The error hierarchy. Every error a client throws is an `ApiError`; the subclass says what
 * went wrong, so callers branch with `instanceof` rather than on status numbers.
 */

import { scrubSecrets, scrubValue } from "./transport/redact.js";

export interface ApiErrorInit {
  vendor: string;
  status?: number | undefined;
  message: string;
  code?: string | undefined;
  requestId?: string | undefined;
  body?: unknown;
  response?: Response | undefined;
  fields?: Record<string, string[]> | undefined;
  attempts?: number | undefined;
  cause?: unknown;
}

/**
 * Which error classes an error belongs to, by name, shared by every copy of core in a process: an
 * app that both `require`s and `import`s core loads its CJS and its ESM build, two sets of classes,
 * and `instanceof` must still recognize an error from either. `Symbol.for` gives both copies the
 * same key.
 */
const KIND: unique symbol = Symbol.for("@customer-api/core.error-kind");

/** The kinds of `value`'s class and every class it extends, read from its prototype chain. */
function hasKind(value: object, kind: string): boolean {
  for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto.constructor ?? {}, KIND) && (proto.constructor as { [KIND]?: string })[KIND] === kind) return true;
  }
  return false;
}

export class ApiError extends Error {
  static readonly [KIND]: string = "ApiError";

  /**
   * `instanceof` by the class's own chain first, then by kind, so that an error from the other
   * build (CJS or ESM) of core is still an instance of this build's class of the same name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== "object" || value === null || !Object.hasOwn(this, KIND)) return false;
    return hasKind(value, (this as unknown as { [KIND]: string })[KIND]);
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
    // Scrubbed here, where every error is born: whatever a server echoed back (a token in its
    // message, its body or a request-id header) never reaches the message, the stack or a log.
    super(scrubSecrets(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.vendor = init.vendor;
    this.code = init.code === undefined ? undefined : scrubSecrets(init.code);
    this.requestId = init.requestId === undefined ? undefined : scrubSecrets(init.requestId);
    this.body = scrubValue(init.body);
    this.fields = scrubValue(init.fields);
    this.attempts = init.attempts ?? 1;
    Object.defineProperty(this, "response", { value: init.response, enumerable: false });
  }

  /** What `JSON.stringify(error)` shows: the facts, never the request or its headers. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      vendor: this.vendor,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      fields: this.fields,
      attempts: this.attempts,
      body: this.body,
    };
  }
}

export class BadRequestError extends ApiError {
  static override readonly [KIND]: string = "BadRequestError";
}
export class AuthenticationError extends ApiError {
  static override readonly [KIND]: string = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
  static override readonly [KIND]: string = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  static override readonly [KIND]: string = "NotFoundError";
}
export class ConflictError extends ApiError {
  static override readonly [KIND]: string = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
  static override readonly [KIND]: string = "UnprocessableEntityError";
}
export class InternalServerError extends ApiError {
  static override readonly [KIND]: string = "InternalServerError";
}

export class RateLimitError extends ApiError {
  static override readonly [KIND]: string = "RateLimitError";

  /** How long the vendor asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** A 2xx that cannot be read: not JSON, an HTML page, or a record the normalizer cannot use. */
export class InvalidResponseError extends ApiError {
  static override readonly [KIND]: string = "InvalidResponseError";
}

/** No response at all: DNS, refused or dropped connection. `status` is undefined. */
export class ConnectionError extends ApiError {
  static override readonly [KIND]: string = "ConnectionError";
}
/** An attempt or the overall deadline ran out before a response arrived. */
export class TimeoutError extends ConnectionError {
  static override readonly [KIND]: string = "TimeoutError";
}

/** The caller's `AbortSignal` fired. Never retried. */
export class UserAbortError extends ApiError {
  static override readonly [KIND]: string = "UserAbortError";
}

/** Input the client refuses to send, such as an id that would escape its path segment. */
export class InvalidRequestError extends ApiError {
  static override readonly [KIND]: string = "InvalidRequestError";
}
/** A client was created with options it cannot work with (a missing base URL, say). */
export class ConfigurationError extends ApiError {
  static override readonly [KIND]: string = "ConfigurationError";
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
};

/** The class for a non-2xx status (429 is built separately because it carries `retryAfterMs`). */
export function errorClassForStatus(status: number): typeof ApiError {
  if (status >= 500) return InternalServerError;
  return byStatus[status] ?? ApiError;
}
