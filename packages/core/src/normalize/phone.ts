import { cleanText } from "./text.js";

type PhoneLib = typeof import("./phone-library.js");
let phoneLib: Promise<PhoneLib> | undefined;
/** libphonenumber-js is loaded on first use, so a client that never normalizes never loads it. */
const loadPhoneLib = () => (phoneLib ??= import("./phone-library.js"));

/** What `toE164` needs to read a national number: the country it belongs to, or its calling code. */
export interface PhoneContext {
  /** ISO 3166-1 alpha-2 country for a national number, e.g. `IR`. */
  country?: string | null | undefined;
  /** International calling code, with or without `+`, e.g. `966`, `+966`. */
  callingCode?: string | number | null | undefined;
}

/**
 * A phone number in E.164 (`+966501234567`) from an international number, or from a national
 * number plus a country or calling code; `null` when it cannot be built into a possible number.
 */
export async function toE164(number: unknown, context: PhoneContext = {}): Promise<string | null> {
  const text = cleanText(number);
  if (text === null) return null;
  const { parsePhoneNumberFromString } = await loadPhoneLib();
  const digits = toAsciiDigits(text).replace(/[^\d+]/g, "");
  const callingCode = cleanText(context.callingCode)?.replace(/^\+|^00/, "");
  let candidate: string | undefined;
  if (digits.startsWith("+")) candidate = digits;
  else if (digits.startsWith("00")) candidate = `+${digits.slice(2)}`;
  else if (callingCode && /^\d{1,4}$/.test(callingCode)) {
    const national = digits.replace(/^0+/, "");
    candidate = national.startsWith(callingCode) && national.length > 10 ? `+${national}` : `+${callingCode}${national}`;
  }
  const country = cleanText(context.country)?.toUpperCase();
  const parsed = candidate
    ? parsePhoneNumberFromString(candidate)
    : country && /^[A-Z]{2}$/.test(country)
      ? parsePhoneNumberFromString(digits, country as never)
      : undefined;
  return parsed?.isPossible() ? parsed.number : null;
}

/** Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits, as Hamgam's and Salla's users type them, to ASCII. */
function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}
