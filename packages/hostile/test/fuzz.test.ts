/**
 * Property-based tests of every normalizer: records generated from the vendor's own spec
 * schemas, then mutated beyond them (wrong types, missing fields, huge strings, odd Unicode).
 * Nothing may throw but `InvalidResponseError`, and every `Customer` field keeps its documented
 * type whatever came in.
 */
import { normalizeCoaxCustomer } from "@customer-api/coax";
import { type Customer, InvalidResponseError } from "@customer-api/core";
import { normalizeHamgamCustomer } from "@customer-api/hamgam";
import { normalizeHomeleCustomer } from "@customer-api/homele";
import { normalizePexipCustomer } from "@customer-api/pexip";
import { normalizeShtaraCustomer } from "@customer-api/shtara";
import { arbitraryFromSchema, loadSpecSchemas } from "@customer-api/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = 250;

const targets = [
  { vendor: "homele", schemas: ["CustomerDetail", "CustomerListItem"], normalize: normalizeHomeleCustomer },
  { vendor: "pexip", schemas: ["Customer"], normalize: normalizePexipCustomer },
  { vendor: "shtara", schemas: ["Customer"], normalize: normalizeShtaraCustomer },
  { vendor: "hamgam", schemas: ["Customer"], normalize: (r: unknown) => normalizeHamgamCustomer(r) },
  { vendor: "coax", schemas: ["Customer"], normalize: (r: unknown) => normalizeCoaxCustomer(r) },
] as const;

const ISO_UTC = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const ADDRESS_KEYS = ["city", "country", "countryCode", "formatted", "postalCode", "state", "street"];

/** A text field: null, or a non-empty, trimmed string that is never the word "null". */
function expectText(value: unknown, field: string) {
  if (value === null) return;
  expect(typeof value, field).toBe("string");
  const text = value as string;
  expect(text, field).not.toBe("");
  expect(text.trim(), field).toBe(text);
  expect(text.toLowerCase(), field).not.toBe("null");
}

/** Every field of a `Customer` with the type the README documents. */
function expectCustomerShape(customer: Customer, vendor: string) {
  expect(customer.vendor).toBe(vendor);
  expect(typeof customer.id).toBe("string");
  expect(customer.id.trim()).not.toBe("");
  for (const field of ["name", "firstName", "lastName", "company"] as const) expectText(customer[field], field);
  expectText(customer.email, "email");
  if (customer.email !== null) expect(customer.email).toMatch(/^[^@\s]+@[^@\s]+$/);
  if (customer.phone !== null) expect(customer.phone).toMatch(E164);
  for (const field of ["createdAt", "updatedAt"] as const) {
    const value = customer[field];
    if (value === null) continue;
    expect(value, field).toMatch(ISO_UTC);
    expect(new Date(value).toISOString(), field).toBe(value);
  }
  if (customer.address !== null) {
    expect(Object.keys(customer.address).sort()).toEqual(ADDRESS_KEYS);
    for (const key of ADDRESS_KEYS) expectText((customer.address as unknown as Record<string, unknown>)[key], `address.${key}`);
    if (customer.address.countryCode !== null) expect(customer.address.countryCode).toMatch(/^[A-Z]{2}$/);
    expect(Object.values(customer.address).some((v) => v !== null)).toBe(true);
  }
  expect(customer.raw).toBeDefined();
}

/** Values no schema allows: other types, extremes, odd Unicode, deep nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: false, withDate: true, withMap: false, withSet: false, withNullPrototype: true, maxDepth: 3 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    8.64e15 + 1,
    "null",
    "NULL",
    " ",
    "",
    "\u0000",
    "\uD800",
    "\uDFFF",
    "\u202E",
    "0",
    "+",
    "00",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme-composite", maxLength: 40 }),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => "ٰ9".repeat(n / 2)),
  fc.constantFrom(
    "2020-02-30T25:61:00Z",
    "2020-04-02 22:43:26.000000",
    "9999-12-31T23:59:59+14:00",
    "+275760-09-13T00:00:00Z",
    "-000001-01-01T00:00:00Z",
  ),
  fc.constantFrom("+۹۸۹۱۲۱۲۳۴۵۶۷", "٠٥٠١٢٣٤٥٦٧", "+1 (555) 010-9999 ext. 7", "00", "+0000000", "+999999999999999999999"),
);

/** A record, with 1 to 4 of its fields (existing or new) replaced by hostile values or removed. */
function mutated(base: fc.Arbitrary<unknown>, fieldNames: string[]) {
  const mutation = fc.record({
    field: fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 8 })),
    value: fc.option(hostileValue, { nil: undefined, freq: 4 }),
  });
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([record, mutations]) => {
    if (typeof record !== "object" || record === null || Array.isArray(record)) return record;
    const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
    for (const { field, value } of mutations) {
      if (value === undefined) delete copy[field];
      else copy[field] = value;
    }
    return copy;
  });
}

/** True when the value normalized (and the Customer is well typed), false when it was refused. */
async function checkOne(normalize: (value: unknown) => Promise<Customer>, vendor: string, value: unknown): Promise<boolean> {
  let customer: Customer;
  try {
    customer = await normalize(value);
  } catch (error) {
    expect(error, `threw ${String(error)}`).toBeInstanceOf(InvalidResponseError);
    return false;
  }
  expectCustomerShape(customer, vendor);
  return true;
}

describe.each(targets)("$vendor normalizer under fuzzing", ({ vendor, schemas: names, normalize }) => {
  const schemas = loadSpecSchemas(vendor);

  it.each(names)("records generated from the spec's %s schema normalize to a well-typed Customer", async (name) => {
    const schema = schemas[name]!;
    const records = arbitraryFromSchema(schema, schemas);
    let normalized = 0;
    await fc.assert(
      fc.asyncProperty(records, async (record) => {
        if (await checkOne(normalize, vendor, record)) normalized++;
      }),
      { seed: FUZZ_SEED, numRuns: RUNS },
    );
    // The generator must be producing real records, not only ones the normalizer refuses.
    expect(normalized).toBeGreaterThan(RUNS / 2);
  });

  it.each(names)("%s records mutated beyond the schema throw nothing but InvalidResponseError", async (name) => {
    const schema = schemas[name]!;
    const fields = Object.keys((schema.properties ?? {}) as object);
    await fc.assert(
      fc.asyncProperty(
        mutated(arbitraryFromSchema(schema, schemas), fields.length > 0 ? fields : ["id"]),
        async (record) => void (await checkOne(normalize, vendor, record)),
      ),
      { seed: FUZZ_SEED + 1, numRuns: RUNS * 2 },
    );
  });

  it("anything at all in place of a record throws nothing but InvalidResponseError", async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (value) => void (await checkOne(normalize, vendor, value))),
      { seed: FUZZ_SEED + 2, numRuns: RUNS },
    );
  });
});
