import {
  ApiError,
  AuthenticationError,
  ConfigurationError,
  ConnectionError,
  InvalidRequestError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UserAbortError,
} from "@customer-api/core";
import { redact } from "./redact.js";

/** One exit code per error class, so scripts can tell them apart. Documented in the README and `--help`. */
export const EXIT_CODES = {
  ok: 0,
  /** A bug or an error of no known class. */
  unexpected: 1,
  /** Bad flags, missing credentials, a checkpoint that does not match. */
  configuration: 2,
  authentication: 3,
  permission: 4,
  notFound: 5,
  rateLimited: 6,
  /** No response: connection refused or dropped, DNS, a timeout. */
  network: 7,
  /** A 2xx the client cannot read: not JSON, an HTML page, a record with no id. */
  invalidResponse: 8,
  /** Any other error answer: 400, 409, 422, 5xx. */
  apiError: 9,
  /** Ctrl-C (128 + SIGINT), as shells report it. */
  interrupted: 130,
} as const;

export const EXIT_CODE_HELP = `Exit codes:
  0    success
  1    unexpected error
  2    configuration or usage (bad flags, missing credentials, a checkpoint from another export)
  3    authentication failed (401)
  4    permission denied (403)
  5    not found (404)
  6    rate limited (429, after the retries)
  7    network or timeout (no response)
  8    invalid response (a success answer that cannot be read)
  9    other API error (400, 409, 422, 5xx)
  130  interrupted (Ctrl-C); an export can be continued with --resume`;

/** A problem the CLI itself found in what it was given (flags, environment, checkpoint). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Stopped by Ctrl-C. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigurationError || error instanceof InvalidRequestError) {
    return EXIT_CODES.configuration;
  }
  if (error instanceof InterruptedError || error instanceof UserAbortError) return EXIT_CODES.interrupted;
  if (error instanceof AuthenticationError) return EXIT_CODES.authentication;
  if (error instanceof PermissionDeniedError) return EXIT_CODES.permission;
  if (error instanceof NotFoundError) return EXIT_CODES.notFound;
  if (error instanceof RateLimitError) return EXIT_CODES.rateLimited;
  if (error instanceof ConnectionError) return EXIT_CODES.network;
  if (error instanceof InvalidResponseError) return EXIT_CODES.invalidResponse;
  if (error instanceof ApiError) return EXIT_CODES.apiError;
  return EXIT_CODES.unexpected;
}

const LABELS: [new (...args: never[]) => Error, string][] = [
  [AuthenticationError, "authentication failed"],
  [PermissionDeniedError, "permission denied"],
  [NotFoundError, "not found"],
  [RateLimitError, "rate limited"],
  [ConnectionError, "network error"],
  [InvalidResponseError, "invalid response"],
  [ConfigurationError, "configuration error"],
  [InvalidRequestError, "invalid request"],
];

/** One line for a person: what failed, the vendor's message, and the request id to quote to support. */
export function errorLine(error: unknown): string {
  if (error instanceof ApiError) {
    const label = LABELS.find(([type]) => error instanceof type)?.[1] ?? "API error";
    const status = error.status === undefined ? "" : ` (HTTP ${error.status})`;
    const wait =
      error instanceof RateLimitError && error.retryAfterMs !== undefined
        ? `; retry after ${Math.ceil(error.retryAfterMs / 1000)} s`
        : "";
    const request = error.requestId ? ` [request ${error.requestId}]` : "";
    return redact(`customer-api: ${error.vendor}: ${label}${status}: ${oneLine(error.message)}${wait}${request}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return redact(`customer-api: ${oneLine(message)}`);
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
