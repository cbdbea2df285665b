import { ConfigurationError } from "../errors.js";

/** A client's default phone country option: an ISO 3166-1 alpha-2 code, or null for "international numbers only". */
export function assertPhoneCountry(vendor: string, value: string | null | undefined): void {
  if (value != null && !/^[A-Z]{2}$/i.test(value)) {
    throw new ConfigurationError({
      vendor,
      message: `\`defaultPhoneCountry\` must be an ISO 3166-1 alpha-2 code such as "AU", or null`,
    });
  }
}
