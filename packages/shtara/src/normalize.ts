import {
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

/** A customer as Salla sends it, typed from the spec. */
export type ShtaraRawCustomer = components["schemas"]["Customer"];
/** A Salla customer normalized to core's `Customer`, with its raw record in `raw`. */
export type ShtaraCustomer = Customer<ShtaraRawCustomer, "shtara">;

/** Shtara's customer as a `Customer`; the field table is in the README. */
export async function normalizeShtaraCustomer(value: unknown): Promise<ShtaraCustomer> {
  const { record, id } = requireRecord("shtara", value);
  const address = await buildAddress({
    street: record.location, // free text; the literal string "null" when unknown
    city: record.city,
    country: record.country, // localized: "السعودية", or "السعودية | Saudi Arabia"
    countryCode: record.country_code,
  });
  return {
    vendor: "shtara",
    id,
    name: joinName(record.first_name, record.last_name),
    firstName: cleanText(record.first_name),
    lastName: cleanText(record.last_name),
    email: cleanEmail(record.email),
    // `mobile` is national (a number in the vendor's examples); `mobile_code` comes with or without "+".
    phone: await toE164(record.mobile, { callingCode: cleanText(record.mobile_code), country: address?.countryCode }),
    company: null,
    address,
    createdAt: await phpDateToIso(record.created_at),
    updatedAt: await phpDateToIso(record.updated_at),
    raw: record as ShtaraRawCustomer,
  };
}

/**
 * A PHP DateTime as Salla serializes it, `{date: "2020-04-02 22:43:26.000000", timezone_type, timezone}`,
 * as ISO UTC. Zone kinds: 1 an offset (`+03:00`), 2 an abbreviation, 3 an IANA name. Abbreviations
 * such as `AST` are ambiguous (Arabia or Atlantic), so only UTC/GMT are read; a time with no usable
 * zone is `null` rather than a guess. A plain string (what the vendor's schema claims) is read as is.
 */
async function phpDateToIso(value: unknown): Promise<string | null> {
  if (typeof value !== "object" || value === null) return toUtcIso(value);
  const { date, timezone, timezone_type: kind } = value as Record<string, unknown>;
  let zone = cleanText(timezone);
  if (zone !== null && /^(utc|gmt|z)$/i.test(zone)) zone = "UTC";
  else if (kind === 2) zone = null;
  return zone === null ? null : toUtcIso(date, zone);
}
