import { buildAddress, type Customer, cleanEmail, cleanText, requireRecord, splitName, toE164, toUtcIso } from "@customer-api/core/vendor-kit/normalize";
import type { components } from "./generated/schema.js";

export type CoaxRawCustomer = components["schemas"]["Customer"];
export type CoaxCustomer = Customer<CoaxRawCustomer, "coax">;

export interface CoaxNormalizeOptions {
  /**
   * Country (ISO 3166-1 alpha-2) for phone numbers written without a country code, such as
   * `0412 345 678`. Default `AU`: Coax serves Australian businesses. `null` keeps such numbers out.
   */
  defaultPhoneCountry?: string | null;
}

/** Coax's customer record as a `Customer`; the field table is in the README. */
export async function normalizeCoaxCustomer(value: unknown, options: CoaxNormalizeOptions = {}): Promise<CoaxCustomer> {
  const { record, id } = requireRecord("coax", value);
  const { defaultPhoneCountry = "AU" } = options;
  const name = cleanText(record.name);
  const { firstName, lastName } = splitName(name);
  return {
    vendor: "coax",
    id,
    name,
    firstName,
    lastName,
    email: cleanEmail(record.email),
    phone: await toE164(record.phone, { country: defaultPhoneCountry }),
    company: cleanText(record.company_name),
    // Coax keeps the address as one free-text string and names no country field; a country is
    // not guessed from the text ("Atlanta, Georgia" is not the country Georgia).
    address: await buildAddress({ formatted: record.address }),
    createdAt: await toUtcIso(record.created_at),
    updatedAt: await toUtcIso(record.updated_at),
    raw: record as CoaxRawCustomer,
  };
}
