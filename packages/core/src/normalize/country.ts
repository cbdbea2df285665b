import { cleanText } from "./text.js";

type CountryLib = typeof import("i18n-iso-countries");
type Locale = "en" | "ar" | "fa";

let countryLib: Promise<CountryLib> | undefined;
/**
 * i18n-iso-countries is loaded on first use, and through its locale-free entry: its package main
 * registers all of its ~80 locales, which a client that only ever sees codes never needs.
 */
const loadCountryLib = () =>
  (countryLib ??= import("i18n-iso-countries/index.js").then(
    (m) => ((m as { default?: CountryLib }).default ?? m) as CountryLib,
  ));

// One literal import per locale, so that bundlers split each into its own chunk.
const LOCALES: Record<Locale, () => Promise<{ default: Parameters<CountryLib["registerLocale"]>[0] }>> = {
  en: () => import("i18n-iso-countries/langs/en.json", { with: { type: "json" } }),
  ar: () => import("i18n-iso-countries/langs/ar.json", { with: { type: "json" } }),
  fa: () => import("i18n-iso-countries/langs/fa.json", { with: { type: "json" } }),
};
const registered = new Map<Locale, Promise<CountryLib>>();
/** The library with `locale`'s names registered; each locale is loaded once, when a name in its script first appears. */
function withLocale(locale: Locale): Promise<CountryLib> {
  let ready = registered.get(locale);
  if (!ready) {
    ready = Promise.all([loadCountryLib(), LOCALES[locale]()]).then(([lib, data]) => {
      lib.registerLocale(data.default);
      return lib;
    });
    registered.set(locale, ready);
  }
  return ready;
}

/** Twice the longest country name the library knows (about 50 characters), with room for a pair. */
const MAX_COUNTRY_TEXT = 200;

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
// Letters Persian writes and Arabic does not (ی ک پ چ ژ گ): try Persian names first.
const PERSIAN_LETTERS = /[\u06CC\u06A9\u067E\u0686\u0698\u06AF]/;
const LATIN = /^[\p{Script=Latin}\s.,'’()-]+$/u;

/**
 * ISO 3166-1 alpha-2 (upper case) for a country named in any of the forms vendors send: an
 * alpha-2 or alpha-3 code in any case (`sa`, `BE`, `IRQ`), or a name in English, Arabic or
 * Persian (`Iraq`, `السعودية`, `ایران`); also `name | name` pairs such as `السعودية | Saudi Arabia`.
 * `null` when no part of it is a known country.
 */
export async function toCountryCode(value: unknown): Promise<string | null> {
  const text = cleanText(value);
  // Looking a name up compares it with every country's names, so its cost grows with its length:
  // a 100,000-character field took 10 s. No country's name (in any of these languages, even as a
  // Salla `Arabic | English` pair) comes near this length, so anything longer names no country.
  if (text === null || text.length > MAX_COUNTRY_TEXT) return null;
  for (const part of text.split(/\s*[|/]\s*/)) {
    const code = await partToCode(
      part
        .replace(/\u0640/g, "")
        .replace(/\s+/g, " ")
        .trim(),
    );
    if (code !== null) return code;
  }
  return null;
}

async function partToCode(part: string): Promise<string | null> {
  if (part === "") return null;
  if (/^[a-z]{2}$/i.test(part)) {
    const lib = await loadCountryLib();
    return lib.isValid(part.toUpperCase()) ? part.toUpperCase() : null;
  }
  if (/^[a-z]{3}$/i.test(part)) {
    const lib = await loadCountryLib();
    const alpha2 = lib.alpha3ToAlpha2(part.toUpperCase());
    if (alpha2) return alpha2;
  }
  const locales: Locale[] = ARABIC_SCRIPT.test(part)
    ? PERSIAN_LETTERS.test(part)
      ? ["fa", "ar"]
      : ["ar", "fa"]
    : LATIN.test(part)
      ? ["en"]
      : [];
  for (const locale of locales) {
    const lib = await withLocale(locale);
    const code = lib.getAlpha2Code(part, locale) ?? lib.getSimpleAlpha2Code(part, locale);
    if (code) return code;
  }
  return null;
}
