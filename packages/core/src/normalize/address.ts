import type { Address } from "./customer.js";
import { cleanText } from "./text.js";

/** An `Address` from whatever parts a vendor has; `null` when it has none. */
export function buildAddress(parts: {
  formatted?: unknown;
  street?: unknown;
  city?: unknown;
  state?: unknown;
  postalCode?: unknown;
  country?: unknown;
  countryCode?: unknown;
}): Address | null {
  const code = cleanText(parts.countryCode);
  const address: Address = {
    formatted: cleanText(parts.formatted),
    street: cleanText(parts.street),
    city: cleanText(parts.city),
    state: cleanText(parts.state),
    postalCode: cleanText(parts.postalCode),
    country: cleanText(parts.country),
    countryCode: code && /^[a-z]{2}$/i.test(code) ? code.toUpperCase() : null,
  };
  const { formatted, ...rest } = address;
  const lineParts = [rest.street, rest.postalCode, rest.city, rest.state, rest.country].filter((p) => p !== null);
  if (formatted === null && lineParts.length === 0 && rest.countryCode === null) return null;
  return { ...address, formatted: formatted ?? (lineParts.length > 0 ? lineParts.join(", ") : null) };
}
