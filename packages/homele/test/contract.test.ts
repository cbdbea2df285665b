import { type Customer, InvalidResponseError, type RateLimitError } from "@customer-api/core";
import { contractSuite } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { createHomeleClient, homeleDescriptor } from "../src/index.js";

const kit = contractSuite({ descriptor: homeleDescriptor, createClient: createHomeleClient, token: "1|abc123" });

describe("Homele's own cases", () => {
  it("reads the documented customer field by field", async () => {
    const customer = await kit.client().customers.get(42);
    expect(customer).toMatchObject({
      vendor: "homele",
      id: "42",
      name: "Ahmed Ali",
      firstName: "Ahmed",
      lastName: "Ali",
      email: "ahmed@example.com",
      phone: "+9647501234567",
      company: null,
      createdAt: "2025-11-20T14:30:00.000Z",
      updatedAt: "2026-02-15T09:45:00.000Z",
    });
    expect(customer.address?.formatted).toBe("Erbil, 60m Street");
    expect(customer.raw.id).toBe(42);
  });

  it("reads the 429's Retry-After as retryAfterMs", async () => {
    const error = (await kit
      .preferring(429)
      .customers.get(42)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfterMs).toBe(42_000);
  });

  it("sends the filters as the spec names them, and Prism accepts them", async () => {
    const list = kit.client().customers.list({
      pageSize: 100,
      "filter[query]": "ahmed",
      "filter[lead_status.id][]": [1, 2],
      "filter[owner.id][]": [3],
      "filter[priority.id]": 2,
      "filter[date_from]": "2026-01-01",
      maxItems: 2,
    });
    const customers: Customer[] = [];
    for await (const c of list) customers.push(c);
    expect(customers.map((c) => c.id)).toEqual(["42", "43"]);
    const url = new URL(kit.strict().requests[0]!.url);
    expect(url.searchParams.getAll("filter[lead_status.id][]")).toEqual(["1", "2"]);
    expect(url.searchParams.get("per_page")).toBe("100");
  });

  it("follows next_cursor to the last page", async () => {
    // Prism answers every request with one example; ask for the `lastPage` one once a cursor is sent.
    const secondPageIsLast: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).searchParams.has("cursor")) request.headers.set("Prefer", "example=lastPage");
      return kit.strict().fetch(request);
    };
    const pages = [];
    for await (const page of kit.client({ fetch: secondPageIsLast }).customers.list().pages()) pages.push(page);
    expect(pages.map((p) => p.items.map((c) => c.id))).toEqual([["42", "43"], ["440"]]);
    expect(new URL(kit.strict().requests[1]!.url).searchParams.get("cursor")).toBe(pages[0]!.raw.meta.next_cursor);
    expect(pages[1]!.raw.meta.has_more).toBe(false);
  });

  it("stops with InvalidResponseError when the server repeats a page instead of advancing", async () => {
    const seen: string[] = [];
    const walk = async () => {
      for await (const c of kit.client().customers.list()) seen.push(c.id);
    };
    await expect(walk()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(seen).toEqual(["42", "43"]);
  });
});
