import type { AttemptLog, Logger } from "@customer-api/core";
import { redact } from "./redact.js";

/**
 * `--verbose`: one stderr line per attempt: method, path, status (or the error), duration, and the
 * wait before a retry (the gap since the previous attempt ended). Core's events carry no headers
 * and mask secret query values; the line is redacted again with the credentials the CLI was given.
 */
export function verboseLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  let previousEnd: number | undefined;
  return (event: AttemptLog) => {
    const now = performance.now();
    const wait =
      event.attempt > 1 && previousEnd !== undefined ? Math.max(0, Math.round(now - event.durationMs - previousEnd)) : undefined;
    previousEnd = now;
    const outcome = event.status ?? event.error ?? "no response";
    const details = [
      `attempt ${event.attempt}`,
      `${Math.round(event.durationMs)} ms`,
      ...(wait === undefined ? [] : [`waited ${wait} ms`]),
      ...(event.requestId ? [`request ${event.requestId}`] : []),
    ];
    write(redact(`${event.vendor} ${event.method} ${pathOf(event.url)} -> ${outcome} (${details.join(", ")})`));
  };
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
