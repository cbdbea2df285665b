/**
 * The shapes a customer is written in: the normalized record (without `raw`), the vendor's own
 * record (`--raw`), and their CSV rows with a fixed column order.
 */
import type { Customer } from "@customer-api/core";
import { recordFields, type SpecVendor } from "./generated/list-filters.js";

/** The normalized record as exported: everything but `raw`, which `--raw` gives instead. */
export function normalizedRecord(customer: Customer): Omit<Customer, "raw"> {
  const { raw: _, ...record } = customer;
  return record;
}

export const recordOf = (customer: Customer, raw: boolean): unknown => (raw ? customer.raw : normalizedRecord(customer));

const ADDRESS_PARTS = ["formatted", "street", "city", "state", "postalCode", "country", "countryCode"] as const;

/** The CSV columns of a normalized export, always in this order. */
export const NORMALIZED_COLUMNS = [
  "vendor",
  "id",
  "name",
  "firstName",
  "lastName",
  "email",
  "phone",
  "company",
  ...ADDRESS_PARTS.map((part) => `address.${part}`),
  "createdAt",
  "updatedAt",
] as const;

/** Holds the fields of a vendor record that its spec does not name, as JSON: a raw CSV loses nothing. */
export const EXTRA_COLUMN = "_extra";

/** The CSV columns of a `--raw` export: the spec's record fields in spec order, then `_extra`. */
export const rawColumns = (vendor: SpecVendor): string[] => [...recordFields[vendor], EXTRA_COLUMN];

const cell = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === "object" ? JSON.stringify(value) : String(value);

export function normalizedRow(customer: Customer): (string | null)[] {
  const address = customer.address;
  return NORMALIZED_COLUMNS.map((column) =>
    column.startsWith("address.")
      ? cell(address?.[column.slice("address.".length) as (typeof ADDRESS_PARTS)[number]])
      : cell(customer[column as keyof Customer]),
  );
}

export function rawRow(vendor: SpecVendor, customer: Customer): (string | null)[] {
  const record = (customer.raw ?? {}) as Record<string, unknown>;
  const known = recordFields[vendor] as readonly string[];
  const extra = Object.fromEntries(Object.entries(record).filter(([key]) => !known.includes(key)));
  return [...known.map((field) => cell(record[field])), Object.keys(extra).length > 0 ? JSON.stringify(extra) : null];
}

/** The short row of the terminal table. */
export const TABLE_COLUMNS = ["id", "name", "email", "phone", "company", "city", "country", "updated"] as const;

export function tableRow(customer: Customer): string[] {
  const dash = (value: string | null | undefined) => value ?? "—";
  return [
    customer.id,
    dash(customer.name),
    dash(customer.email),
    dash(customer.phone),
    dash(customer.company),
    dash(customer.address?.city),
    dash(customer.address?.countryCode ?? customer.address?.country),
    dash(customer.updatedAt),
  ];
}
