import { toCountryCode } from "./country.js";
import type { Address } from "./customer.js";
import { cleanText } from "./text.js";

/**
 * An `Address` from whatever parts a vendor has; `null` when it has none. `countryCode` is ISO
 * 3166-1 alpha-2 whichever form the vendor names the country in: its code field first, then its
 * country name (any of English, Arabic, Persian).
 */
export async function buildAddress(parts: {
  formatted?: unknown;
  street?: unknown;
  city?: unknown;
  state?: unknown;
  postalCode?: unknown;
  country?: unknown;
  countryCode?: unknown;
}): Promise<Address | null> {
  const address: Address = {
    formatted: cleanText(parts.formatted),
    street: cleanText(parts.street),
    city: cleanText(parts.city),
    state: cleanText(parts.state),
    postalCode: cleanText(parts.postalCode),
    country: cleanText(parts.country),
    countryCode: (await toCountryCode(parts.countryCode)) ?? (await toCountryCode(parts.country)),
  };
  const { formatted, ...rest } = address;
  const lineParts = [rest.street, rest.postalCode, rest.city, rest.state, rest.country].filter((p) => p !== null);
  if (formatted === null && lineParts.length === 0 && rest.countryCode === null) return null;
  return { ...address, formatted: formatted ?? (lineParts.length > 0 ? lineParts.join(", ") : null) };
}
