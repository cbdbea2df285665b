/**
 * Where a secret could surface from an error or a log: every place a person or a log store reads.
 * Returns the names of the places that contain any of the secrets (empty = no leak).
 */
import { inspect } from "node:util";

const asText = (value: unknown): string => {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export function leakSites(error: unknown, secrets: readonly string[]): string[] {
  const e = error as { message?: unknown; stack?: unknown; body?: unknown; requestId?: unknown; cause?: unknown } | null;
  const places: Record<string, () => string> = {
    message: () => String(e?.message),
    toString: () => String(error),
    "JSON.stringify": () => asText(error),
    "util.inspect": () => inspect(error, { depth: 8 }),
    stack: () => String(e?.stack),
    body: () => asText(e?.body),
    requestId: () => String(e?.requestId),
    cause: () => inspect(e?.cause, { depth: 8 }),
  };
  const hits: string[] = [];
  for (const [name, read] of Object.entries(places)) {
    const text = read();
    if (secrets.some((secret) => text.includes(secret))) hits.push(name);
  }
  return hits;
}

/** The secrets as a server might echo them back: as sent, and in the `Basic` form of a client id and secret. */
export function secretForms(secret: string, clientId?: string): string[] {
  const forms = [secret];
  if (clientId !== undefined)
    forms.push(btoa(`${clientId}:${secret}`), btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`));
  return forms;
}
