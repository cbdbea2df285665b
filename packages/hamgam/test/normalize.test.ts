import { InvalidResponseError } from "@customer-api/core";
import { describe, expect, it } from "vitest";
import { normalizeHamgamCustomer } from "../src/index.js";

const seed = {
  id: 123,
  first_name: "علی",
  last_name: "رضایی",
  email: "Ali.Rezaei@Gmail.com",
  mobile_number: "09121234567",
  national_code: "0012345679",
  birth_date: "1990-03-21",
  gender: "male",
  notes: "مشتری عمده",
  is_active: true,
  is_profile_completed: true,
  date_joined: "2023-05-14T09:12:45.123456+03:30",
  last_login: "2025-01-20T18:40:02.551021+03:30",
  total_orders: 14,
  total_spent: "1250000.00",
};

describe("normalizeHamgamCustomer", () => {
  it("keeps raw as sent: total_spent stays a decimal string, national_code keeps its leading zeros", async () => {
    const customer = await normalizeHamgamCustomer(seed);
    expect(customer.raw).toBe(seed);
    expect(customer.raw.total_spent).toBe("1250000.00");
    expect(customer.raw.national_code).toBe("0012345679");
    expect(customer.email).toBe("ali.rezaei@gmail.com");
  });

  it.each([
    ["09121234567", "+989121234567"],
    ["9121234567", "+989121234567"],
    ["0912 123 4567", "+989121234567"],
    ["989121234567", "+989121234567"],
    ["+989121234567", "+989121234567"],
    ["00989121234567", "+989121234567"],
    ["+14155552671", "+14155552671"],
    ["12", null],
    ["", null],
    [null, null],
  ])("turns mobile_number %j into %j", async (mobile, phone) => {
    expect((await normalizeHamgamCustomer({ ...seed, mobile_number: mobile })).phone).toBe(phone);
  });

  it("reads national numbers in defaultPhoneCountry, and only international ones when it is null", async () => {
    const uae = { ...seed, mobile_number: "0501234567" };
    expect((await normalizeHamgamCustomer(uae, { defaultPhoneCountry: "AE" })).phone).toBe("+971501234567");
    expect((await normalizeHamgamCustomer(seed, { defaultPhoneCountry: null })).phone).toBeNull();
    const international = { ...seed, mobile_number: "+989121234567" };
    expect((await normalizeHamgamCustomer(international, { defaultPhoneCountry: null })).phone).toBe("+989121234567");
  });

  it("uses an updated_at a tenant adds, and null otherwise", async () => {
    expect((await normalizeHamgamCustomer(seed)).updatedAt).toBeNull();
    const withUpdate = { ...seed, updated_at: "2025-01-21T10:00:00+03:30" };
    expect((await normalizeHamgamCustomer(withUpdate)).updatedAt).toBe("2025-01-21T06:30:00.000Z");
  });

  it.each([null, undefined, "123", 123, [], [seed], {}, { id: null }, { id: "" }, { id: "  " }, { id: {} }, { id: Number.NaN }])(
    "rejects %j with InvalidResponseError, not a TypeError",
    async (value) => {
      await expect(normalizeHamgamCustomer(value)).rejects.toBeInstanceOf(InvalidResponseError);
    },
  );

  it("survives a record whose fields all have the wrong types", async () => {
    const hostile = {
      id: 7,
      first_name: { toString: () => "x" },
      last_name: ["Rezaei"],
      email: "not an email",
      mobile_number: 9121234567,
      date_joined: "yesterday",
      updated_at: {},
      total_spent: 12.5,
    };
    expect(await normalizeHamgamCustomer(hostile)).toEqual({
      vendor: "hamgam",
      id: "7",
      name: null,
      firstName: null,
      lastName: null,
      email: null,
      phone: "+989121234567",
      company: null,
      address: null,
      createdAt: null,
      updatedAt: null,
      raw: hostile,
    });
  });

  it("turns the strings 'null' and blanks into null, never 'null'", async () => {
    const customer = await normalizeHamgamCustomer({
      id: "124",
      first_name: "null",
      last_name: "  ",
      email: "",
      date_joined: "",
    });
    expect(customer).toMatchObject({ id: "124", name: null, firstName: null, lastName: null, email: null, createdAt: null });
  });

  it("builds the name from whichever part is there", async () => {
    expect((await normalizeHamgamCustomer({ ...seed, first_name: null })).name).toBe("رضایی");
    expect((await normalizeHamgamCustomer({ ...seed, last_name: null })).name).toBe("علی");
  });
});
