import { InvalidResponseError } from "@customer-api/core";
import { errorReader } from "@customer-api/core/vendor-kit/normalize";
import { describe, expect, it } from "vitest";
import { coaxDescriptor, normalizeCoaxCustomer } from "../src/index.js";
import { JANE } from "./fixtures.js";

describe("normalizeCoaxCustomer", () => {
  it.each([
    ["null", null],
    ["an array", [{ id: JANE }]],
    ["a string", JANE],
    ["a number", 42],
    ["a record without id", { name: "Jane" }],
    ["a null id", { id: null }],
    ["a blank id", { id: "  " }],
    ["an object id", { id: { uuid: JANE } }],
  ])("refuses %s with InvalidResponseError", async (_label, value) => {
    await expect(normalizeCoaxCustomer(value)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("survives fields of the wrong type, giving nulls rather than a TypeError", async () => {
    const customer = await normalizeCoaxCustomer({
      id: JANE,
      name: { first: "Jane" },
      email: ["jane@example.com"],
      phone: { number: "+61412345678" },
      address: { street: "12 George St" },
      company_name: true,
      tags: "vip",
      created_at: "yesterday",
      updated_at: {},
    });
    expect(customer).toMatchObject({
      id: JANE,
      name: null,
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      company: null,
      address: null,
      createdAt: null,
      updatedAt: null,
    });
    expect(customer.raw.tags).toBe("vip");
  });

  it('reads the string "null" and blank strings as absent', async () => {
    const customer = await normalizeCoaxCustomer({ id: JANE, name: "null", email: " ", company_name: "NULL", address: "" });
    expect(customer).toMatchObject({ name: null, email: null, company: null, address: null });
  });

  it("splits the one name field at its first space", async () => {
    expect(await normalizeCoaxCustomer({ id: JANE, name: "  Mary Anne  Smith " })).toMatchObject({
      name: "Mary Anne  Smith",
      firstName: "Mary",
      lastName: "Anne Smith",
    });
    expect(await normalizeCoaxCustomer({ id: JANE, name: "Cher" })).toMatchObject({ firstName: "Cher", lastName: null });
  });

  it("reads a national phone number as Australian by default", async () => {
    expect((await normalizeCoaxCustomer({ id: JANE, phone: "0412 345 678" })).phone).toBe("+61412345678");
    expect((await normalizeCoaxCustomer({ id: JANE, phone: "+64 21 123 4567" })).phone).toBe("+64211234567");
  });

  it("takes another defaultPhoneCountry, or none", async () => {
    const record = { id: JANE, phone: "020 7946 0958" };
    expect((await normalizeCoaxCustomer(record, { defaultPhoneCountry: "GB" })).phone).toBe("+442079460958");
    expect((await normalizeCoaxCustomer(record, { defaultPhoneCountry: null })).phone).toBeNull();
  });

  it("lower-cases email, keeps the address string whole and converts offsets to UTC", async () => {
    const customer = await normalizeCoaxCustomer({
      id: JANE,
      email: "Jane.Citizen@Example.COM",
      address: "12 George St, Sydney NSW 2000",
      created_at: "2024-05-01T13:12:45+10:00",
      updated_at: "2024-06-12T22:04:10.000000Z",
    });
    expect(customer).toMatchObject({
      email: "jane.citizen@example.com",
      address: { formatted: "12 George St, Sydney NSW 2000", city: null, countryCode: null },
      createdAt: "2024-05-01T03:12:45.000Z",
      updatedAt: "2024-06-12T22:04:10.000Z",
    });
  });
});

describe("reading error bodies where the spec points (message, detail, title; body.code; body.errors)", () => {
  const read = errorReader(coaxDescriptor.errors);

  it("takes message, a code when the body has one, and string messages per field", () => {
    expect(
      read({
        success: false,
        message: "The given data was invalid.",
        body: { code: "validation_failed", errors: { email: ["Invalid."], phone: "Too short.", tags: [1, "Bad tag."] } },
      }),
    ).toEqual({
      message: "The given data was invalid.",
      code: "validation_failed",
      fields: { email: ["Invalid."], phone: ["Too short."], tags: ["Bad tag."] },
    });
  });

  it("reads Zuplo's problem details: detail, else title; no code", () => {
    expect(read({ type: "t", title: "Unauthorized", status: 401, detail: "No Authorization Header" })).toEqual({
      message: "No Authorization Header",
    });
    expect(read({ type: "t", title: "Too Many Requests", status: 429 })).toEqual({ message: "Too Many Requests" });
  });

  it("takes a short plain-text body as the message", () => {
    expect(read("Bad Gateway").message).toBe("Bad Gateway");
  });

  it.each([
    null,
    "<html>Bad Gateway</html>",
    [],
    { success: false },
    { success: false, message: "", body: { errors: ["x"], code: {} } },
  ])("gives no details for %j instead of throwing", (body) => {
    const details = read(body);
    expect(details.message).toBeUndefined();
    expect(details.code).toBeUndefined();
    expect(details.fields).toBeUndefined();
  });
});
