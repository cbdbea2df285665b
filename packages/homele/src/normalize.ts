import {
  buildAddress,
  type Customer,
  cleanEmail,
  cleanText,
  joinName,
  requireRecord,
  splitName,
  toE164,
  toUtcIso,
} from "@customer-api/core/vendor-kit/normalize";
import type { components } from "./generated/schema.js";

/** A customer as Homele sends it: the list item or the fuller detail record, typed from the spec. */
export type HomeleRawCustomer = components["schemas"]["CustomerListItem"] | components["schemas"]["CustomerDetail"];
/** A Homele customer normalized to core's `Customer`, with its raw record in `raw`. */
export type HomeleCustomer = Customer<HomeleRawCustomer, "homele">;

const relatedName = (value: unknown) => cleanText((value as { name?: unknown } | null | undefined)?.name);

/** Homele's customer (list item or detail) as a `Customer`; the field table is in the README. */
export async function normalizeHomeleCustomer(value: unknown): Promise<HomeleCustomer> {
  const { record, id } = requireRecord("homele", value);
  const name = cleanText(record.name) ?? joinName(record.first_name, record.last_name);
  const fromName = splitName(name);
  // `country` is a related object whose name is English in the vendor's examples ("Iraq").
  const address = await buildAddress({
    formatted: record.address,
    city: relatedName(record.city),
    country: relatedName(record.country),
  });
  const phones = [record.phone1, record.phone2, record.phone3];
  let phone: string | null = null;
  // A national number is read in the customer's country; Homele's examples are international.
  for (const candidate of phones) if (phone === null) phone = await toE164(candidate, { country: address?.countryCode });
  return {
    vendor: "homele",
    id,
    name,
    firstName: cleanText(record.first_name) ?? fromName.firstName,
    lastName: cleanText(record.last_name) ?? (cleanText(record.first_name) ? null : fromName.lastName),
    email: cleanEmail(record.email1),
    phone,
    company: null,
    address,
    createdAt: await toUtcIso(record.created_at),
    updatedAt: await toUtcIso(record.updated_at),
    raw: record as HomeleRawCustomer,
  };
}
