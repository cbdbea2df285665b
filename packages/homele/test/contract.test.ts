import {
  AuthenticationError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type Customer,
} from "@customer-api/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createStrictFetch, expectCustomerShape } from "../../../scripts/contract-kit.js";
import { type MockServer, startMock } from "../../../scripts/mock-server.js";
import { createHomeleClient, type HomeleClientOptions } from "../src/index.js";

let mock: MockServer;
let strict = createStrictFetch();
beforeAll(async () => {
  mock = await startMock("homele");
});
afterAll(() => mock.close());
afterEach(() => {
  // Swap in a fresh recorder before asserting, so one test's problems never fail the next.
  const { problems } = strict;
  strict = createStrictFetch();
  expect(problems).toEqual([]);
});

const client = (extra: Partial<HomeleClientOptions> = {}) =>
  createHomeleClient({ token: "1|abc123", baseUrl: mock.url, fetch: strict.fetch, rateLimit: false, ...extra });
const preferring = (code: number) => client({ maxRetries: 0, headers: { Prefer: `code=${code}` } });

describe("showCustomer through customers.get", () => {
  it("returns the seed's customer, normalized", async () => {
    const customer = await client().customers.get(42);
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
    expect(strict.requests[0]!.headers.get("authorization")).toBe("Bearer 1|abc123");
  });

  it.each([
    [401, AuthenticationError, "Unauthenticated."],
    [403, PermissionDeniedError, "Insufficient permissions."],
    [404, NotFoundError, "Not found."],
    [429, RateLimitError, "Too Many Attempts."],
  ])("maps a %i to %o with the vendor's message", async (status, ErrorClass, message) => {
    const error = await preferring(status).customers.get(42).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, vendor: "homele", message });
  });

  it("reads the 429's Retry-After as retryAfterMs", async () => {
    const error = (await preferring(429).customers.get(42).catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfterMs).toBe(42_000);
  });
});

describe("listCustomers through customers.list", () => {
  it("sends every filter as the spec names it, and Prism accepts them", async () => {
    const list = client().customers.list({
      pageSize: 100,
      query: "ahmed",
      leadStatusIds: [1, 2],
      ownerIds: [3],
      leadSourceIds: [4, 5],
      priorityId: 2,
      dateFrom: "2026-01-01",
      dateTo: "2026-02-01",
      maxItems: 2,
    });
    const customers: Customer[] = [];
    for await (const c of list) customers.push(c);
    expect(customers.map((c) => c.id)).toEqual(["42", "43"]);
    const url = new URL(strict.requests[0]!.url);
    expect(url.searchParams.getAll("filter[lead_status.id][]")).toEqual(["1", "2"]);
    expect(url.searchParams.get("per_page")).toBe("100");
  });

  it("follows next_cursor to the last page", async () => {
    // Prism answers every request with one example; ask for the `lastPage` one once a cursor is sent.
    const secondPageIsLast: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).searchParams.has("cursor")) request.headers.set("Prefer", "example=lastPage");
      return strict.fetch(request);
    };
    const pages = [];
    for await (const page of client({ fetch: secondPageIsLast }).customers.list().pages()) pages.push(page);
    expect(pages.map((p) => p.items.map((c) => c.id))).toEqual([["42", "43"], ["440"]]);
    expect(new URL(strict.requests[1]!.url).searchParams.get("cursor")).toBe(pages[0]!.raw.meta.next_cursor);
    expect(pages[1]!.raw.meta.has_more).toBe(false);
  });

  it("stops with InvalidResponseError when the server repeats a page instead of advancing", async () => {
    const seen: string[] = [];
    const walk = async () => {
      for await (const c of client().customers.list()) seen.push(c.id);
    };
    await expect(walk()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(seen).toEqual(["42", "43"]);
  });

  it.each([
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [429, RateLimitError],
  ])("maps a %i on the list to %o", async (status, ErrorClass) => {
    const list = preferring(status).customers.list();
    await expect(list[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(ErrorClass);
  });
});

describe("typed raw access", () => {
  it("GET /customers/{id} runs through the same stack and returns the vendor body", async () => {
    const { data, error, response } = await client().GET("/customers/{id}", { params: { path: { id: 42 } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.data.name).toBe("Ahmed Ali");
    expect(strict.requests[0]!.headers.get("authorization")).toBe("Bearer 1|abc123");
  });

  it("returns a 404 as a typed error body, without throwing", async () => {
    const { data, error, response } = await preferring(404).GET("/customers/{id}", { params: { path: { id: 7 } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({ success: false, message: "Not found." });
  });
});

describe("random schema-valid records (Prism dynamic mode, fixed seeds)", () => {
  it.each(["1", "2", "3", "4", "5"])("normalizes seed %s without crashing and with the Customer shape", async (seed) => {
    const dynamic = await startMock("homele", { dynamic: true, seed });
    try {
      const homele = createHomeleClient({ token: "1|abc", baseUrl: dynamic.url, fetch: strict.fetch, rateLimit: false });
      const customer = await homele.customers.get(1);
      expectCustomerShape(customer, "homele", /^-?\d+$/);
      // A seeded mock repeats its page, so read the first page only.
      const first = await homele.customers.list().pages()[Symbol.asyncIterator]().next();
      expect(first.done).toBe(false);
      for (const c of first.value!.items) expect(c.vendor).toBe("homele");
    } finally {
      await dynamic.close();
    }
  });
});
