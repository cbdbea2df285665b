/** A postal address in one shape across vendors; any part the vendor does not give is `null`. */
export interface Address {
  /** The whole address as one line, as the vendor formats it or joined from the parts. */
  formatted: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
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
  vendor: Vendor;
  id: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** E.164 (`+9647501234567`) where the vendor gives enough to build it. */
  phone: string | null;
  company: string | null;
  address: Address | null;
  /** ISO 8601 in UTC (`Date#toISOString()` form). */
  createdAt: string | null;
  updatedAt: string | null;
  raw: Raw;
}
