// The locale files of i18n-iso-countries are plain JSON with no declarations of their own.
declare module "i18n-iso-countries/langs/*.json" {
  const locale: { locale: string; countries: Record<string, string | string[]> };
  export default locale;
}
