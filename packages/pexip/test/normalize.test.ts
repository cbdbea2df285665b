import { InvalidResponseError } from "@customer-api/core";
import { describe, expect, it } from "vitest";
import { normalizePexipCustomer } from "../src/index.js";

const base = {
  id: "123",
  existing: true,
  timeZone: "Europe/Brussels",
  createdAt: "2022-08-17T19:05:21.362Z",
  updatedAt: "2022-08-17T21:05:21.362+02:00",
  deletedAt: null,
};
const translation = (value: string, language = "en") => ({ language, value });
const location = (extra: Record<string, unknown> = {}) => ({
  city: translation("Ghent"),
  state: null,
  street1: translation("Kortrijksesteenweg 1"),
  street2: null,
  postalCode: "9000",
  countryCode: "be",
  formattedAddress: "Kortrijksesteenweg 1, 9000 Ghent",
  geolocation: { latitude: 51, longitude: 3.7 },
  translations: { city: [translation("Ghent")], street1: [translation("Kortrijksesteenweg 1")] },
  ...extra,
});

/** The 200 example of the "Get a customer" operation page (developer.pexipengage.com/development/operation/operation-getcustomerbyid), transcribed. */
const vendorExample = () => ({
  id: "123",
  externalId: "ABCD1234",
  customerNumber: "123456",
  email: "john.doe@pexip.com",
  firstName: "John",
  lastName: "Doe",
  company: "Acme Corp",
  language: "da",
  notes: "Lorem ipsum",
  phoneNumber: "+32412345678",
  existing: true,
  timeZone: "Europe/Brussels",
  createdAt: "2022-08-17T19:05:21.362Z",
  updatedAt: "2022-08-17T19:05:21.362Z",
  deletedAt: "2022-08-17T19:05:21.362Z",
  location: {
    city: { language: "en", value: "Lorem ipsum" },
    state: { language: "en", value: "Lorem ipsum" },
    street1: { language: "en", value: "Lorem ipsum" },
    street2: { language: "en", value: "Lorem ipsum" },
    postalCode: "9000",
    countryCode: "BE",
    formattedAddress: "string",
    geolocation: { latitude: 51.0479466, longitude: 3.6912248 },
    translations: {
      city: [{ language: "en", value: "Lorem ipsum" }],
      state: [{ language: "en", value: "Lorem ipsum" }],
      street1: [{ language: "en", value: "Lorem ipsum" }],
      street2: [{ language: "en", value: "Lorem ipsum" }],
    },
  },
});

describe("normalizePexipCustomer on the vendor's own example", () => {
  it("maps every field of the operation page's 200 example", async () => {
    const record = vendorExample();
    expect(await normalizePexipCustomer(record)).toEqual({
      vendor: "pexip",
      id: "123",
      name: "John Doe",
      firstName: "John",
      lastName: "Doe",
      email: "john.doe@pexip.com",
      phone: "+32412345678",
      company: "Acme Corp",
      address: {
        formatted: "string",
        street: "Lorem ipsum, Lorem ipsum",
        city: "Lorem ipsum",
        state: "Lorem ipsum",
        postalCode: "9000",
        country: null,
        countryCode: "BE",
      },
      createdAt: "2022-08-17T19:05:21.362Z",
      updatedAt: "2022-08-17T19:05:21.362Z",
      raw: record,
    });
  });
});

describe("normalizePexipCustomer", () => {
  it.each([
    ["null", null],
    ["a string", "123"],
    ["an array", [base]],
    ["a record without id", { ...base, id: undefined }],
    ["a record with an empty id", { ...base, id: "  " }],
    ["a record with an object id", { ...base, id: { value: "1" } }],
  ])("refuses %s with InvalidResponseError", async (_, value) => {
    await expect(normalizePexipCustomer(value)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("converts dates with an offset to UTC", async () => {
    const customer = await normalizePexipCustomer(base);
    expect(customer.updatedAt).toBe("2022-08-17T19:05:21.362Z");
  });

  it("keeps a soft-deleted customer and its deletedAt in raw", async () => {
    const customer = await normalizePexipCustomer({ ...base, deletedAt: "2023-01-01T00:00:00.000Z" });
    expect(customer.id).toBe("123");
    expect(customer.raw.deletedAt).toBe("2023-01-01T00:00:00.000Z");
  });

  it("builds the name from whichever part is there", async () => {
    expect((await normalizePexipCustomer({ ...base, lastName: "Doe" })).name).toBe("Doe");
    expect((await normalizePexipCustomer({ ...base, firstName: " John ", lastName: "null" })).name).toBe("John");
  });

  it("reads a national phone number in the customer's country, and keeps only a real email", async () => {
    const international = await normalizePexipCustomer({ ...base, phoneNumber: "0032 412 34 56 78", email: "John@Pexip.com" });
    expect(international).toMatchObject({ phone: "+32412345678", email: "john@pexip.com" });
    const national = await normalizePexipCustomer({
      ...base,
      phoneNumber: "0412 34 56 78",
      email: "not an email",
      location: location(),
    });
    expect(national).toMatchObject({ phone: "+32412345678", email: null });
    const nowhere = await normalizePexipCustomer({ ...base, phoneNumber: "0412 34 56 78", location: null });
    expect(nowhere.phone).toBeNull();
  });

  it("maps the location, joining street1 and street2 and upper-casing the country code", async () => {
    const customer = await normalizePexipCustomer({ ...base, location: location({ street2: translation("Bus 3") }) });
    expect(customer.address).toEqual({
      formatted: "Kortrijksesteenweg 1, 9000 Ghent",
      street: "Kortrijksesteenweg 1, Bus 3",
      city: "Ghent",
      state: null,
      postalCode: "9000",
      country: null,
      countryCode: "BE",
    });
  });

  it("falls back to the first translation when the requested language has none", async () => {
    const customer = await normalizePexipCustomer({
      ...base,
      location: location({
        city: null,
        translations: { city: [translation("", "nl"), translation("Gent", "nl"), translation("Ghent")], street1: [] },
        street1: null,
      }),
    });
    expect(customer.address).toMatchObject({ city: "Gent", street: null });
  });

  it.each([
    ["a string location", "Ghent"],
    ["an array location", [location()]],
    ["a number location", 42],
  ])("reads %s as no address", async (_, value) => {
    expect((await normalizePexipCustomer({ ...base, location: value })).address).toBeNull();
  });

  it("survives malformed location parts", async () => {
    const customer = await normalizePexipCustomer({
      ...base,
      location: {
        city: "Ghent",
        state: [1, 2],
        street1: { value: 7 },
        street2: { language: "en" },
        postalCode: { code: "9000" },
        countryCode: "Belgium",
        formattedAddress: null,
        geolocation: "51,3",
        translations: { city: "Ghent", state: [null, 5, "x", { value: null }], street1: [[]] },
      },
    });
    expect(customer.address).toEqual({
      formatted: "7",
      street: "7",
      city: null,
      state: null,
      postalCode: null,
      country: null,
      countryCode: "BE", // a name where the code belongs still names the country
    });
  });

  it('turns unreadable values into null, never undefined or "null"', async () => {
    const customer = await normalizePexipCustomer({
      id: 5,
      firstName: ["John"],
      lastName: { text: "Doe" },
      email: 42,
      phoneNumber: "call me",
      company: "null",
      createdAt: "yesterday",
      updatedAt: null,
    });
    expect(customer).toEqual({
      vendor: "pexip",
      id: "5",
      name: null,
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      company: null,
      address: null,
      createdAt: null,
      updatedAt: null,
      raw: expect.any(Object),
    });
  });
});
