import { InvalidResponseError } from "../errors.js";
import { scrubFacts } from "../transport/redact.js";

/**
 * The vendor record as an object with a usable id, or an `InvalidResponseError` saying what is
 * wrong with it: a normalizer never crashes on a malformed record with a bare `TypeError`. The
 * record came from a server, so a credential it echoes is scrubbed out of the error.
 */
export function requireRecord(vendor: string, value: unknown, idField = "id"): { record: Record<string, unknown>; id: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidResponseError(scrubFacts({ vendor, message: "Expected a customer record (an object)", body: value }));
  }
  const record = value as Record<string, unknown>;
  const raw = record[idField];
  const id = typeof raw === "number" && Number.isFinite(raw) ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (id === "") {
    throw new InvalidResponseError(
      scrubFacts({ vendor, message: `The customer record has no usable \`${idField}\``, body: value }),
    );
  }
  return { record, id };
}
