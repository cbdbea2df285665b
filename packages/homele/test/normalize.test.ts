import { InvalidResponseError } from "@customer-api/core";
import { describe, expect, it } from "vitest";
import { normalizeHomeleCustomer } from "../src/index.js";

/**
 * The customer as Homele's own document describes it: docs.homele.com/crm/customers/show.md embeds
 * an OpenAPI whose CustomerDetail gives one example per property (and a mock of that document
 * answers with exactly these values). Related objects all carry RelatedObject's example, `{id: 1, name: "New"}`.
 */
const vendorExample = () => ({
  id: 42,
  sequential_number: 1025,
  name: "Ahmed Ali",
  first_name: "Ahmed",
  last_name: "Ali",
  phone1: "+9647501234567",
  email1: "ahmed@example.com",
  address: "Erbil, 60m Street",
  budget: "150000.00",
  budget_currency: "USD",
  expected_sale_date: "2026-06-15",
  lead_status: { id: 1, name: "New" },
  lead_source: { id: 1, name: "New" },
  owner: { id: 1, name: "New" },
  priority: { id: 1, name: "New" },
  country: { id: 1, name: "New" },
  city: { id: 1, name: "New" },
  created_at: "2025-11-20T14:30:00+00:00",
  updated_at: "2026-02-15T09:45:00+00:00",
  last_activity_at: "2026-02-14T16:20:00+00:00",
  occupation: { id: 1, name: "New" },
  nationality: { id: 1, name: "New" },
  real_estate_types: [
    { id: 1, name: "Apartment" },
    { id: 3, name: "Villa" },
  ],
  lead_status_history: [{ status: "Qualified", changed_at: "2026-01-10T11:30:00+00:00" }],
});

describe("normalizeHomeleCustomer on the vendor's own example", () => {
  it("maps every field of show.md's example", async () => {
    const record = vendorExample();
    expect(await normalizeHomeleCustomer(record)).toEqual({
      vendor: "homele",
      id: "42",
      name: "Ahmed Ali",
      firstName: "Ahmed",
      lastName: "Ali",
      email: "ahmed@example.com",
      phone: "+9647501234567",
      company: null,
      // The example's city and country are RelatedObject's placeholder "New": no country, no code.
      address: {
        formatted: "Erbil, 60m Street",
        street: null,
        city: "New",
        state: null,
        postalCode: null,
        country: "New",
        countryCode: null,
      },
      createdAt: "2025-11-20T14:30:00.000Z",
      updatedAt: "2026-02-15T09:45:00.000Z",
      raw: record,
    });
  });

  it("gives the ISO code of an English country name, and reads a national phone number in that country", async () => {
    const customer = await normalizeHomeleCustomer({
      ...vendorExample(),
      phone1: "0750 123 4567",
      country: { id: 1, name: "Iraq" },
      city: { id: 3, name: "Erbil" },
    });
    expect(customer.phone).toBe("+9647501234567");
    expect(customer.address).toMatchObject({ city: "Erbil", country: "Iraq", countryCode: "IQ" });
  });

  it("takes the next phone when the first cannot be one, and builds the name from its parts", async () => {
    const customer = await normalizeHomeleCustomer({
      id: 7,
      name: null,
      first_name: "Layla",
      last_name: null,
      phone1: "12",
      phone2: "+9647709876543",
    });
    expect(customer).toMatchObject({ name: "Layla", firstName: "Layla", lastName: null, phone: "+9647709876543", address: null });
  });

  it.each([[null], ["42"], [{}], [{ id: null }]])("rejects %j with InvalidResponseError", async (value) => {
    await expect(normalizeHomeleCustomer(value)).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
