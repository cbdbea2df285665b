import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type Customer,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from "@customer-api/core";
import { contractSuite } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { createPexipClient, type PexipClientOptions, type PexipCustomerUpdate, pexipDescriptor } from "../src/index.js";
import { failure } from "./expect-failure.js";

const kit = contractSuite({
  descriptor: pexipDescriptor,
  createClient: createPexipClient,
  token: "eyJhbGciOiJIUzI1NiJ9.demo.signature",
});

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.demo.signature";
const client = (extra: Partial<PexipClientOptions> = {}) =>
  createPexipClient({
    token: TOKEN,
    baseUrl: kit.url(),
    fetch: kit.strict().fetch,
    rateLimit: false,
    ...extra,
  } as PexipClientOptions);
const preferring = (prefer: string) => client({ maxRetries: 0, headers: { Prefer: prefer } });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The documented customer (get-customer page), as a person reads it. */
const SEED_CUSTOMER = {
  vendor: "pexip",
  id: "123",
  name: "John Doe",
  firstName: "John",
  lastName: "Doe",
  email: "john.doe@pexip.com",
  phone: "+32412345678",
  company: "Acme Corp",
  address: {
    formatted: "string", // the docs' own placeholder, kept as the vendor sent it
    street: "Lorem ipsum, Lorem ipsum",
    city: "Lorem ipsum",
    state: "Lorem ipsum",
    postalCode: "9000",
    country: null,
    countryCode: "BE",
  },
  createdAt: "2022-08-17T19:05:21.362Z",
  updatedAt: "2022-08-17T19:05:21.362Z",
};

/** Every error body in the spec, per status: [class, message, code]. */
const ERRORS = {
  400: [BadRequestError, '"email" must be a string of at least 1 character', "VALIDATION_ERROR"],
  401: [AuthenticationError, "Unauthorized", "UNAUTHORIZED"],
  403: [PermissionDeniedError, "Missing required scope engage:customers:readWrite", "FORBIDDEN"],
  // The get-customer page's own 404 example holds placeholders: message "string", code "string".
  404: [NotFoundError, "string", "string"],
  409: [ConflictError, "The customer is being modified by another operation", "CONFLICT"],
  429: [RateLimitError, "Too many requests", "TOO_MANY_REQUESTS"],
} as const;
type Status = keyof typeof ERRORS;
const statuses = (...codes: Status[]) => codes.map((code) => [code, ...ERRORS[code]] as const);

const CHANGES: PexipCustomerUpdate = { firstName: "Jane", phoneNumber: "+32412345679", notes: null };

describe("getCustomer through customers.get", () => {
  it("returns the seed's customer, normalized, with deletedAt visible in raw", async () => {
    const customer = await client().customers.get("123");
    expect(customer).toEqual({ ...SEED_CUSTOMER, raw: expect.any(Object) });
    expect(customer.raw.deletedAt).toBe("2022-08-17T19:05:21.362Z");
    expect(customer.raw.location?.geolocation).toEqual({ latitude: 51.0479466, longitude: 3.6912248 });
    expect(customer.raw.language).toBe("da");
    const sent = kit.strict().requests[0]!;
    expect(new URL(sent.url).pathname).toBe("/customers/123");
    expect(sent.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(sent.headers.get("x-correlation-id")).toMatch(UUID);
  });

  it("normalizes the customer with no location and only required fields to nulls", async () => {
    const customer = await preferring("example=minimal").customers.get("456");
    expect(customer).toEqual({
      vendor: "pexip",
      id: "456",
      name: null,
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      company: null,
      address: null,
      createdAt: "2023-01-05T08:30:00.000Z",
      updatedAt: "2023-01-05T08:30:00.000Z",
      raw: expect.objectContaining({ deletedAt: null, location: null }),
    });
  });

  it("sends Accept-Language and the caller's correlation id, which Prism accepts", async () => {
    await client({ acceptLanguage: "nl" }).customers.get("123", { correlationId: "a4f0048e-c983-11ed-afa1-0242ac120002" });
    expect(kit.strict().requests[0]!.headers.get("accept-language")).toBe("nl");
    expect(kit.strict().requests[0]!.headers.get("x-correlation-id")).toBe("a4f0048e-c983-11ed-afa1-0242ac120002");
  });

  it.each(statuses(400, 401, 403, 404, 429))(
    "maps a %i to %o with the vendor's message and code",
    async (status, ErrorClass, message, code) => {
      const error = await failure(preferring(`code=${status}`).customers.get("123"));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, vendor: "pexip", message, code });
    },
  );

  it("maps the illustrative 404 example too, and reports the sent correlation id as requestId", async () => {
    const error = await failure(preferring("code=404, example=notFound").customers.get("999"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ message: "Customer not found", code: "CUSTOMER_NOT_FOUND" });
    expect(error.requestId).toMatch(UUID);
    expect(error.requestId).toBe(kit.strict().requests[0]!.headers.get("x-correlation-id"));
    expect(error.body).toEqual({
      errors: [{ message: "Customer not found", code: "CUSTOMER_NOT_FOUND", type: "NotFoundError", statusCode: "404" }],
    });
  });

  it("has no Retry-After on a 429 (none is documented)", async () => {
    const error = (await failure(preferring("code=429").customers.get("123"))) as RateLimitError;
    expect(error.retryAfterMs).toBeUndefined();
  });
});

describe("updateCustomer through customers.update", () => {
  it("PATCHes only the given fields and returns the updated customer, normalized", async () => {
    const customer = await client().customers.update("123", CHANGES);
    const sent = kit.strict().requests[0]!;
    expect(sent.method).toBe("PATCH");
    expect(new URL(sent.url).pathname).toBe("/customers/123");
    expect(sent.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await sent.json()).toEqual(CHANGES);
    expect(sent.headers.get("x-correlation-id")).toMatch(UUID);
    expect(customer).toEqual({
      vendor: "pexip",
      id: "123",
      name: "Jane Doe",
      firstName: "Jane",
      lastName: "Doe",
      email: "john.doe@pexip.com",
      phone: "+32412345679",
      company: "Acme Corp",
      address: {
        formatted: "Kortrijksesteenweg 1, 9000 Gent, België",
        street: "Kortrijksesteenweg 1",
        city: "Gent",
        state: null,
        postalCode: "9000",
        country: null,
        countryCode: "BE",
      },
      createdAt: "2022-08-17T19:05:21.362Z",
      updatedAt: "2023-03-22T10:15:00.000Z",
      raw: expect.any(Object),
    });
    expect(customer.raw.deletedAt).toBeNull();
  });

  it("sends a location update that Prism validates", async () => {
    const changes: PexipCustomerUpdate = {
      language: "nl",
      location: {
        postalCode: "9000",
        countryCode: "BE",
        geolocation: { latitude: 51.0479466, longitude: 3.6912248 },
        translations: {
          city: [
            { language: "nl", value: "Gent" },
            { language: "en", value: "Ghent" },
          ],
          street1: [{ language: "nl", value: "Kortrijksesteenweg 1" }],
        },
      },
    };
    const customer = await client().customers.update("123", changes, { correlationId: "trace-1" });
    expect(customer.id).toBe("123");
    expect(await kit.strict().requests[0]!.json()).toEqual(changes);
    expect(kit.strict().requests[0]!.headers.get("x-correlation-id")).toBe("trace-1");
  });

  it.each(statuses(400, 401, 403, 404, 409, 429))(
    "maps a %i to %o with the vendor's message and code",
    async (status, ErrorClass, message, code) => {
      const error = await failure(preferring(`code=${status}`).customers.update("123", CHANGES));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, vendor: "pexip", message, code });
      expect(error.requestId).toBe(kit.strict().requests[0]!.headers.get("x-correlation-id"));
    },
  );
});

describe("listCustomers (assumed operation) through customers.list", () => {
  it("reads the example page with offset/limit and stops at meta.totalCount", async () => {
    const pages = [];
    for await (const page of client().customers.list({ pageSize: 50 }).pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toEqual([{ ...SEED_CUSTOMER, raw: expect.any(Object) }]);
    expect(pages[0]!.raw.meta).toEqual({ offset: 0, limit: 25, totalCount: 1 });
    const url = new URL(kit.strict().requests[0]!.url);
    expect(url.pathname).toBe("/customers");
    expect(url.searchParams.get("offset")).toBe("0");
    expect(url.searchParams.get("limit")).toBe("50");
  });

  it("ends on an empty page", async () => {
    const customers: Customer[] = [];
    for await (const c of preferring("example=emptyPage").customers.list()) customers.push(c);
    expect(customers).toEqual([]);
    expect(new URL(kit.strict().requests[0]!.url).searchParams.get("limit")).toBe("25");
  });

  it.each(statuses(400, 401, 403, 429))(
    "maps a %i to %o with the vendor's message and code",
    async (status, ErrorClass, message, code) => {
      const list = preferring(`code=${status}`).customers.list();
      const error = await failure(list[Symbol.asyncIterator]().next());
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, vendor: "pexip", message, code });
    },
  );
});

describe("typed raw access", () => {
  it("GET /customers/{id} runs through the same stack and returns the vendor body", async () => {
    const { data, error, response } = await client().GET("/customers/{id}", { params: { path: { id: "123" } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.data.location?.translations.city).toEqual([{ language: "en", value: "Lorem ipsum" }]);
    expect(kit.strict().requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(kit.strict().requests[0]!.headers.get("x-correlation-id")).toMatch(UUID);
  });

  it("PATCH /customers/{id} keeps a correlation id given as a header parameter", async () => {
    const { data, response } = await client().PATCH("/customers/{id}", {
      params: { path: { id: "123" }, header: { "X-Correlation-Id": "raw-42", "Accept-Language": "en" } },
      body: { existing: true },
    });
    expect(response.status).toBe(200);
    expect(data?.data.id).toBe("123");
    expect(kit.strict().requests[0]!.headers.get("x-correlation-id")).toBe("raw-42");
    expect(kit.strict().requests[0]!.headers.get("accept-language")).toBe("en");
  });

  it("GET /customers returns a 404 as a typed error body, without throwing", async () => {
    const { data, error, response } = await preferring("code=404").GET("/customers/{id}", { params: { path: { id: "7" } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({ errors: [{ message: "string", code: "string", type: "string", statusCode: "string" }] });
  });
});
