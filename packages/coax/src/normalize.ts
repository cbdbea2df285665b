import type { NormalizeContext } from "@customer-api/core/vendor-kit";
import {
  buildAddress,
  type Customer,
  cleanEmail,
  cleanText,
  requireRecord,
  splitName,
  toE164,
  toUtcIso,
} from "@customer-api/core/vendor-kit/normalize";
import type { components } from "./generated/schema.js";

/** A customer as Coax sends it, typed from the spec. */
export type CoaxRawCustomer = components["schemas"]["Customer"];
/** A Coax customer normalized to core's `Customer`, with its raw record in `raw`. */
export type CoaxCustomer = Customer<CoaxRawCustomer, "coax">;

/**
 * Coax's customer record as a `Customer`; the field table is in the README. A phone number written
 * without a country code, such as `0412 345 678`, is Australian unless `defaultPhoneCountry` says
 * otherwise: Coax serves Australian businesses.
 */
export async function normalizeCoaxCustomer(value: unknown, context: NormalizeContext = {}): Promise<CoaxCustomer> {
  const { record, id } = requireRecord("coax", value);
  const { defaultPhoneCountry = "AU" } = context;
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
