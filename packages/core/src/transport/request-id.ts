const DEFAULT_REQUEST_ID_HEADERS = ["x-request-id", "x-correlation-id", "request-id"];

/** The vendor's request or correlation id among `headers`, first match of `names` wins. */
export function findRequestId(headers: Headers, names: readonly string[] = DEFAULT_REQUEST_ID_HEADERS): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
