import { InvalidResponseError } from "@customer-api/core";
import { describe, expect, it } from "vitest";
import { normalizeShtaraCustomer } from "../src/index.js";
import { SEED_CUSTOMER, seedRecord as seed } from "./seed.js";
import { detailsWithExtraKeys, listSecondRecord, listWithExtraKeys } from "./vendor-examples.js";

describe("normalizeShtaraCustomer on Salla's own example records", () => {
  it("Customer Details 'With Extra Keys': created_at, an empty city and location, an upper-case code", async () => {
    const record = detailsWithExtraKeys();
    expect(await normalizeShtaraCustomer(record)).toEqual({
      vendor: "shtara",
      id: "1188233194",
      name: "Ali Ahmed",
      firstName: "Ali",
      lastName: "Ahmed",
      email: "ali@email.sa",
      phone: "+966560000000",
      company: null,
      address: {
        formatted: "السعودية",
        street: null,
        city: null,
        state: null,
        postalCode: null,
        country: "السعودية",
        countryCode: "SA",
      },
      createdAt: "2025-03-10T09:55:51.000Z", // 12:55:51 in Asia/Riyadh
      updatedAt: "2025-03-17T09:18:35.000Z",
      raw: record,
    });
  });

  it("List Customers 'With Extra Keys': an 'Arabic | English' country name", async () => {
    const record = listWithExtraKeys();
    expect(await normalizeShtaraCustomer(record)).toEqual({
      vendor: "shtara",
      id: "234324533",
      name: "Ali Ahmed",
      firstName: "Ali",
      lastName: "Ahmed",
      email: "email9@outlook.com",
      phone: "+966567000000",
      company: null,
      address: {
        formatted: "حي المحمدية - شارع عبدالعزيز اسماعيل, جدة, السعودية | Saudi Arabia",
        street: "حي المحمدية - شارع عبدالعزيز اسماعيل",
        city: "جدة",
        state: null,
        postalCode: null,
        country: "السعودية | Saudi Arabia",
        countryCode: "SA",
      },
      createdAt: "2025-07-24T09:23:42.000Z",
      updatedAt: "2025-07-24T09:23:42.000Z",
      raw: record,
    });
  });

  it("List Customers' second record: no country_code, so the code comes from the Arabic name", async () => {
    const record = listSecondRecord();
    expect(await normalizeShtaraCustomer(record)).toEqual({
      vendor: "shtara",
      id: "2075683581",
      name: "Ali Ahmed",
      firstName: "Ali",
      lastName: "Ahmed",
      email: "aliahmed@test.test",
      phone: "+967777777777",
      company: null,
      address: {
        formatted: "Riyadh, السعودية",
        street: null,
        city: "Riyadh",
        state: null,
        postalCode: null,
        country: "السعودية",
        countryCode: "SA",
      },
      createdAt: null,
      updatedAt: "2020-04-02T19:43:26.000Z",
      raw: record,
    });
  });

  it("a national mobile with no calling code takes the country named in the record", async () => {
    const customer = await normalizeShtaraCustomer({ ...listSecondRecord(), mobile: "0501234567", mobile_code: null });
    expect(customer.phone).toBe("+966501234567");
  });
});

describe("normalizeShtaraCustomer", () => {
  it("turns the seed's record into the values a person expects", async () => {
    const record = seed();
    expect(await normalizeShtaraCustomer(record)).toEqual({ ...SEED_CUSTOMER, raw: record });
  });

  it.each([
    [777777777, "967"],
    [777777777, "+967"],
    ["777777777", "967"],
    ["777777777", "+967"],
    ["0777777777", "00967"],
  ])("builds E.164 from mobile %j and mobile_code %j", async (mobile, mobile_code) => {
    expect((await normalizeShtaraCustomer({ ...seed(), mobile, mobile_code })).phone).toBe("+967777777777");
  });

  it("falls back to the country code when mobile_code is missing", async () => {
    const customer = await normalizeShtaraCustomer({ ...seed(), mobile: "555123456", mobile_code: null, country_code: "sa" });
    expect(customer.phone).toBe("+966555123456");
  });

  it("leaves phone null when the number cannot be a phone", async () => {
    expect((await normalizeShtaraCustomer({ ...seed(), mobile: 12, mobile_code: "967" })).phone).toBeNull();
    expect((await normalizeShtaraCustomer({ ...seed(), mobile: "null", mobile_code: "967" })).phone).toBeNull();
  });

  it("takes a real location as the street, and never the string 'null'", async () => {
    const withStreet = await normalizeShtaraCustomer({ ...seed(), location: "Alaziziiah street, building number 3" });
    expect(withStreet.address).toMatchObject({
      street: "Alaziziiah street, building number 3",
      formatted: "Alaziziiah street, building number 3, Riyadh, السعودية",
    });
    const nothing = await normalizeShtaraCustomer({ ...seed(), location: "null", city: "null", country: null, country_code: "" });
    expect(nothing.address).toBeNull();
  });

  it("keeps a real email, lower-cased", async () => {
    expect((await normalizeShtaraCustomer({ ...seed(), email: " Sara@Shtara.com " })).email).toBe("sara@shtara.com");
  });

  describe("updated_at", () => {
    const updatedAt = async (updated_at: unknown) => (await normalizeShtaraCustomer({ ...seed(), updated_at })).updatedAt;

    it.each([
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "Asia/Riyadh" }, "2020-04-02T19:43:26.000Z"],
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 1, timezone: "+03:00" }, "2020-04-02T19:43:26.000Z"],
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "UTC" }, "2020-04-02T22:43:26.000Z"],
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 2, timezone: "GMT" }, "2020-04-02T22:43:26.000Z"],
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "Asia/Tehran" }, "2020-04-02T18:13:26.000Z"],
      ["2020-04-02T22:43:26+03:00", "2020-04-02T19:43:26.000Z"],
    ])("reads %j in its own zone", async (value, expected) => {
      expect(await updatedAt(value)).toBe(expected);
    });

    it.each([
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 2, timezone: "AST" }], // Arabia or Atlantic?
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 3 }],
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "" }],
      [{ date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "Not/AZone" }],
      [{ date: "yesterday", timezone_type: 3, timezone: "Asia/Riyadh" }],
      [{ date: 1585856606, timezone_type: 3, timezone: {} }],
      [{}],
      [[]],
      ["null"],
      [null],
      [true],
    ])("is null for %j rather than a guess", async (value) => {
      expect(await updatedAt(value)).toBeNull();
    });
  });

  it.each([
    [null],
    [undefined],
    ["customer"],
    [42],
    [[]],
    [{}],
    [{ id: null }],
    [{ id: "" }],
    [{ id: {} }],
    [{ id: Number.NaN }],
  ])("rejects %j with InvalidResponseError", async (value) => {
    await expect(normalizeShtaraCustomer(value)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("survives every field in the wrong shape, with nulls and no TypeError", async () => {
    const hostile = [null, undefined, {}, [], 0, -1, true, "", "null", Number.NaN, { date: null }, [["x"]]];
    for (const value of hostile) {
      const record = Object.fromEntries(Object.keys(seed()).map((key) => [key, value]));
      const customer = await normalizeShtaraCustomer({ ...record, id: 7 });
      expect(customer.id).toBe("7");
      for (const key of ["name", "firstName", "lastName", "email", "phone", "createdAt", "updatedAt"] as const) {
        expect(customer[key] === null || typeof customer[key] === "string").toBe(true);
        expect(customer[key]).not.toBe("null");
      }
    }
  });
});
