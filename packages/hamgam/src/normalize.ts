import type { NormalizeContext } from "@customer-api/core/vendor-kit";
import {
  type Customer,
  cleanEmail,
  cleanText,
  joinName,
  requireRecord,
  toE164,
  toUtcIso,
} from "@customer-api/core/vendor-kit/normalize";
import type { components } from "./generated/schema.js";

/** A customer as Hamgam sends it, typed from the spec. */
export type HamgamRawCustomer = components["schemas"]["Customer"];
/** A Hamgam customer normalized to core's `Customer`, with its raw record in `raw`. */
export type HamgamCustomer = Customer<HamgamRawCustomer, "hamgam">;

/**
 * Hamgam's customer (retrieve response or list item) as a `Customer`; the field table is in the README.
 * A `mobile_number` without `+` or `00` is Iranian unless `defaultPhoneCountry` says otherwise: Hamgam
 * stores national numbers such as `09121234567`.
 */
export async function normalizeHamgamCustomer(value: unknown, context: NormalizeContext = {}): Promise<HamgamCustomer> {
  const { record, id } = requireRecord("hamgam", value);
  const country = context.defaultPhoneCountry === undefined ? "IR" : context.defaultPhoneCountry;
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
