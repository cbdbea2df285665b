import { type Customer, cleanEmail, cleanText, joinName, requireRecord, toE164, toUtcIso } from "@customer-api/core/vendor-kit/normalize";
import type { components } from "./generated/schema.js";

export type HamgamRawCustomer = components["schemas"]["Customer"];
export type HamgamCustomer = Customer<HamgamRawCustomer, "hamgam">;

export interface HamgamNormalizeOptions {
  /**
   * ISO 3166-1 alpha-2 country for a `mobile_number` without `+` or `00` (Hamgam stores Iranian
   * national numbers such as `09121234567`); default `"IR"`. `null` keeps only international numbers.
   */
  defaultPhoneCountry?: string | null;
}

/** Hamgam's customer (retrieve response or list item) as a `Customer`; the field table is in the README. */
export async function normalizeHamgamCustomer(value: unknown, options: HamgamNormalizeOptions = {}): Promise<HamgamCustomer> {
  const { record, id } = requireRecord("hamgam", value);
  const country = options.defaultPhoneCountry === undefined ? "IR" : options.defaultPhoneCountry;
  return {
    vendor: "hamgam",
    id,
    name: joinName(record.first_name, record.last_name),
    firstName: cleanText(record.first_name),
    lastName: cleanText(record.last_name),
    email: cleanEmail(record.email),
    phone: await toE164(record.mobile_number, { country }),
    company: null,
    address: null,
    createdAt: await toUtcIso(record.date_joined),
    // The documented record has no update time. The list's `ordering` names `updated_at`, so a
    // tenant that sends one gets it used; every documented record gives null.
    updatedAt: await toUtcIso(record.updated_at),
    // national_code, birth_date, gender, notes, is_active, last_login, total_orders and
    // total_spent (a decimal string, never a float) stay here as Hamgam sent them.
    raw: record as HamgamRawCustomer,
  };
}
