import {
  type Address,
  buildAddress,
  type Customer,
  cleanEmail,
  cleanText,
  joinName,
  requireRecord,
  toE164,
  toUtcIso,
} from "@customer-api/core/vendor-kit/normalize";
import type { components } from "./generated/schema.js";

/** A customer as Pexip sends it, typed from the spec. */
export type PexipRawCustomer = components["schemas"]["Customer"];
/** A Pexip customer normalized to core's `Customer`, with its raw record in `raw`. */
export type PexipCustomer = Customer<PexipRawCustomer, "pexip">;

type LocalizedField = "city" | "state" | "street1" | "street2";

const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * A localized location field: the value in the requested language, else (Pexip sends null when
 * that language has no translation) the first of `translations[field]`.
 */
function localized(location: Record<string, unknown>, field: LocalizedField): string | null {
  const requested = cleanText(asObject(location[field])?.value);
  if (requested !== null) return requested;
  const translations = asObject(location.translations)?.[field];
  if (!Array.isArray(translations)) return null;
  for (const translation of translations) {
    const value = cleanText(asObject(translation)?.value);
    if (value !== null) return value;
  }
  return null;
}

async function pexipAddress(value: unknown): Promise<Address | null> {
  const location = asObject(value);
  if (location === null) return null;
  const street = [localized(location, "street1"), localized(location, "street2")].filter((part) => part !== null);
  return buildAddress({
    formatted: location.formattedAddress,
    street: street.length > 0 ? street.join(", ") : null,
    city: localized(location, "city"),
    state: localized(location, "state"),
    postalCode: location.postalCode,
    countryCode: location.countryCode,
  });
}

/** Pexip's customer as a `Customer`; the field table is in the README. `deletedAt` stays in `raw`. */
export async function normalizePexipCustomer(value: unknown): Promise<PexipCustomer> {
  const { record, id } = requireRecord("pexip", value);
  const address = await pexipAddress(record.location);
  return {
    vendor: "pexip",
    id,
    name: joinName(record.firstName, record.lastName),
    firstName: cleanText(record.firstName),
    lastName: cleanText(record.lastName),
    email: cleanEmail(record.email),
    // An international number as it is; a national one is read in the country the customer lives in.
    phone: await toE164(record.phoneNumber, { country: address?.countryCode }),
    company: cleanText(record.company),
    address,
    // date-time values carry their offset; `timeZone` is the customer's zone, not the server clock's.
    createdAt: await toUtcIso(record.createdAt),
    updatedAt: await toUtcIso(record.updatedAt),
    raw: record as PexipRawCustomer,
  };
}
