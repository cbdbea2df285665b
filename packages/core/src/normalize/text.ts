/** Text cleanup shared by the normalizers. */

const ABSENT = new Set(["", "null", "undefined", "none", "nil"]);

/** A trimmed string, or `null` for absent values, empty strings and the string "null". Numbers become strings. */
export function cleanText(value: unknown): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return ABSENT.has(trimmed.toLowerCase()) ? null : trimmed;
}

/** "First Last" from its parts; `null` when both are absent. */
export function joinName(first: unknown, last: unknown): string | null {
  const parts = [cleanText(first), cleanText(last)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** Split a full name at its first space: the first word is the first name, the rest the last name. */
export function splitName(full: unknown): { firstName: string | null; lastName: string | null } {
  const name = cleanText(full);
  if (name === null) return { firstName: null, lastName: null };
  const [first, ...rest] = name.split(/\s+/);
  return { firstName: first ?? null, lastName: rest.length > 0 ? rest.join(" ") : null };
}

/** An email address, lower-cased, or `null` when the value is not one. */
export function cleanEmail(value: unknown): string | null {
  const text = cleanText(value);
  return text !== null && /^[^\s@]+@[^\s@]+$/.test(text) ? text.toLowerCase() : null;
}
