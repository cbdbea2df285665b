/** Keeping credentials out of anything a person or a log store might read. */

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

/** Replace every occurrence of a known credential in a string. */
export function scrubSecrets(text: string, secrets?: ReadonlySet<string>): string {
  if (!secrets) return text;
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(MASK);
  return out;
}

/** The same for a parsed body: only rebuilt when it actually contains a credential. */
export function scrubValue<T>(value: T, secrets?: ReadonlySet<string>): T {
  if (!secrets || secrets.size === 0 || value === undefined) return value;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text === undefined) return value;
  const scrubbed = scrubSecrets(text, secrets);
  if (scrubbed === text) return value;
  return (typeof value === "string" ? scrubbed : JSON.parse(scrubbed)) as T;
}
