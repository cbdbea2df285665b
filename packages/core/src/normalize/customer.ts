/** A postal address in one shape across vendors; any part the vendor does not give is `null`. */
export interface Address {
  /** The whole address as one line, as the vendor formats it or joined from the parts. */
  formatted: string | null;
  /** The street line, as the vendor gives it. */
  street: string | null;
  /** City or town. */
  city: string | null;
  /** State, province or region, as the vendor gives it. */
  state: string | null;
  /** Postal or ZIP code, as text (leading zeros kept). */
  postalCode: string | null;
  /** Country name as the vendor gives it. */
  country: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string | null;
}

/**
 * One customer, the same shape from every vendor. Absent values are `null` (never `undefined`
 * or `"null"`); `raw` is the vendor's record, typed from its spec.
 */
export interface Customer<Raw = unknown, Vendor extends string = string> {
  /** Which vendor it came from, e.g. `"homele"`: with `id`, a key unique across vendors. */
  vendor: Vendor;
  /** The vendor's id for the record, as a string (numeric ids included). */
  id: string;
  /** The full name: the vendor's, or first and last name joined. */
  name: string | null;
  /** The given name: the vendor's, or the first word of a full name. */
  firstName: string | null;
  /** The family name: the vendor's, or the rest of a full name. */
  lastName: string | null;
  /** The email address, lower-cased; `null` when the vendor's value is not an address. */
  email: string | null;
  /** E.164 (`+9647501234567`) where the vendor gives enough to build it. */
  phone: string | null;
  /** The company or organization the customer belongs to. */
  company: string | null;
  /** The postal address; `null` when the vendor gives no part of one. */
  address: Address | null;
  /** ISO 8601 in UTC (`Date#toISOString()` form). */
  createdAt: string | null;
  /** When the vendor last changed the record: ISO 8601 in UTC, like `createdAt`. */
  updatedAt: string | null;
  /** The vendor's record as it came, for fields the normalized shape leaves out. */
  raw: Raw;
}
