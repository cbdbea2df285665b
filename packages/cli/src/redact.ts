/**
 * The CLI's own guard for credentials: every line it prints to a person goes through `redact`,
 * on top of core's redaction, so a token echoed by a server in an error message or a request id
 * can never reach the terminal or a log.
 */
const MASK = "[REDACTED]";
const secrets = new Set<string>();

/** Remember a credential so that no later message can print it. */
export function addSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 4) secrets.add(value);
}

/** Every known credential in `text`, and its percent-encoded form, replaced. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(MASK);
  }
  return out;
}
