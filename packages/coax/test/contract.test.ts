import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type Customer,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "@customer-api/core";
import { contractSuite } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import {
  type CoaxClient,
  type CoaxClientOptions,
  type CoaxCreateCustomerInput,
  type CoaxUpdateCustomerInput,
  type CoaxUpsertCustomerInput,
  coaxDescriptor,
  createCoaxClient,
} from "../src/index.js";

const kit = contractSuite({ descriptor: coaxDescriptor, createClient: createCoaxClient, token: "coax_live_4f2a9c" });

const TOKEN = "coax_live_4f2a9c";
const JANE = "3f6c1b52-8a2e-4c7d-9b1e-2d4f6a8c0e11";
const LOCATION = "9b2d7e44-1c3a-4f5e-8d6b-7a9c0e1f2a33";
const OTHER_LOCATION = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e44";

// The spec's request examples (the seed names the fields), without `location_id` where the client supplies it.
const CREATE: CoaxCreateCustomerInput = {
  name: "Jane Citizen",
  address: "12 George St, Sydney NSW 2000",
  company_name: "Citizen Plumbing",
  source: "website",
  status: "active",
  tags: ["vip"],
};
const UPSERT: CoaxUpsertCustomerInput = {
  name: "Jane Citizen",
  phone: "+61412345678",
  email: "jane.citizen@gmail.com",
  address: "12 George St, Sydney NSW 2000",
  avatar: "https://cdn.coax.com.au/avatars/jane.png",
  company_name: "Citizen Plumbing",
  added_tags: ["newsletter"],
  source: "api",
  do_not_update: ["name"],
};
const UPDATE: CoaxUpdateCustomerInput = {
  name: "Jane Citizen",
  address: "1 Martin Pl, Sydney NSW 2000",
  company_name: "Citizen Plumbing Pty Ltd",
  tags: ["vip"],
};

const client = (extra: Partial<CoaxClientOptions> = {}) => kit.client(extra);
const preferring = (code: number, headers: Record<string, string> = {}) =>
  client({ maxRetries: 0, headers: { Prefer: `code=${code}`, ...headers } });

const sent = (index = 0) => {
  const request = kit.strict().requests[index]!;
  return { request, url: new URL(request.url), json: () => request.clone().json() as Promise<Record<string, unknown>> };
};

/** Jane as the spec's examples describe her; each operation's example differs only where noted. */
const jane = {
  vendor: "coax",
  id: JANE,
  name: "Jane Citizen",
  firstName: "Jane",
  lastName: "Citizen",
  email: "jane.citizen@gmail.com",
  phone: "+61412345678",
  company: "Citizen Plumbing",
  createdAt: "2024-05-01T03:12:45.000Z",
  updatedAt: "2024-06-12T22:04:10.000Z",
};
const address = (formatted: string) => ({
  formatted,
  street: null,
  city: null,
  state: null,
  postalCode: null,
  country: null,
  countryCode: null,
});

describe("getCustomer through customers.get", () => {
  it("returns the example customer, normalized, with the tags kept in raw", async () => {
    const customer = await client().customers.get(JANE);
    expect(customer).toEqual({
      ...jane,
      address: address("12 George St, Sydney NSW 2000"),
      raw: expect.objectContaining({ id: JANE, tags: ["vip", "newsletter"], source: "website", status: "active" }),
    });
    const { request, url } = sent();
    expect(request.method).toBe("GET");
    expect(url.pathname).toBe(`/api/v2/customers/${JANE}`);
    expect(url.searchParams.has("location_id")).toBe(false);
    expect(request.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });
});

describe("listCustomers through customers.list", () => {
  it("sends page, page_size and q, and stops at the last page that total names", async () => {
    const customers: Customer[] = [];
    for await (const c of client().customers.list({ pageSize: 20, q: "jane" })) customers.push(c);
    expect(customers).toEqual([
      { ...jane, address: address("12 George St, Sydney NSW 2000"), raw: expect.objectContaining({ id: JANE }) },
      {
        vendor: "coax",
        id: "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c44",
        name: "Sam Lee",
        firstName: "Sam",
        lastName: "Lee",
        email: null,
        phone: "+61498765432",
        company: null,
        address: null,
        createdAt: "2024-06-20T01:00:00.000Z",
        updatedAt: "2024-06-20T01:00:00.000Z",
        raw: expect.objectContaining({ tags: [] }),
      },
    ]);
    // total 2 at page_size 20 is one page: no second request.
    expect(kit.strict().requests).toHaveLength(1);
    expect(Object.fromEntries(sent().url.searchParams)).toEqual({ page: "1", page_size: "20", q: "jane" });
  });

  it("offers the raw page with its paging fields, and honours maxItems", async () => {
    const pages = [];
    for await (const page of client().customers.list({ maxItems: 1 }).pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items.map((c) => c.name)).toEqual(["Jane Citizen"]);
    expect(pages[0]!.raw.body).toMatchObject({ page: 1, page_size: 20, total: 2 });
  });

  it("ends on an empty page", async () => {
    const list = client({ headers: { Prefer: "example=emptyPage" } }).customers.list();
    const customers: Customer[] = [];
    for await (const c of list) customers.push(c);
    expect(customers).toEqual([]);
    expect(kit.strict().requests).toHaveLength(1);
  });
});

describe("createCustomer through customers.create", () => {
  it("sends the body as given and returns the created customer", async () => {
    const customer = await client().customers.create(CREATE);
    expect(customer).toEqual({
      ...jane,
      email: null,
      phone: null,
      updatedAt: "2024-05-01T03:12:45.000Z",
      address: address("12 George St, Sydney NSW 2000"),
      raw: expect.objectContaining({ tags: ["vip"] }),
    });
    expect(sent().request.method).toBe("POST");
    expect(sent().url.pathname).toBe("/api/v2/customers");
    expect(await sent().json()).toEqual(CREATE);
  });
});

describe("upsertCustomer through customers.upsert", () => {
  it("sends the seed's fields (added_tags, do_not_update, location_id) and returns the customer", async () => {
    const customer = await client().customers.upsert({ ...UPSERT, location_id: LOCATION });
    expect(customer).toEqual({
      ...jane,
      updatedAt: "2024-07-02T05:30:00.000Z",
      address: address("12 George St, Sydney NSW 2000"),
      raw: expect.objectContaining({ avatar: "https://cdn.coax.com.au/avatars/jane.png", tags: ["vip", "newsletter"] }),
    });
    expect(sent().url.pathname).toBe("/api/v2/customers/upsert");
    expect(await sent().json()).toEqual({ ...UPSERT, location_id: LOCATION });
  });
});

describe("updateCustomer through customers.update", () => {
  it("PUTs the changed fields and returns the updated customer", async () => {
    const customer = await client().customers.update(JANE, UPDATE);
    expect(customer).toMatchObject({
      id: JANE,
      company: "Citizen Plumbing Pty Ltd",
      address: address("1 Martin Pl, Sydney NSW 2000"),
      updatedAt: "2024-07-02T05:30:00.000Z",
      raw: { tags: ["vip"] },
    });
    expect(sent().request.method).toBe("PUT");
    expect(sent().url.pathname).toBe(`/api/v2/customers/${JANE}`);
    expect(await sent().json()).toEqual(UPDATE);
  });
});

describe("deleteCustomer through customers.delete", () => {
  it.each(["customerDeleted", "customerDeletedWithRecord"])("resolves to nothing on the %s example", async (example) => {
    await expect(client({ headers: { Prefer: `example=${example}` } }).customers.delete(JANE)).resolves.toBeUndefined();
    expect(sent().request.method).toBe("DELETE");
    expect(sent().url.pathname).toBe(`/api/v2/customers/${JANE}`);
  });
});

describe("locationId: a key scoped to all locations names one on every request that takes it", () => {
  const scoped = () => client({ locationId: LOCATION });

  it("adds location_id to the query of GET, PUT and DELETE and to the body of both POSTs", async () => {
    const coax = scoped();
    await coax.customers.get(JANE);
    await coax.customers.list().pages()[Symbol.asyncIterator]().next();
    await coax.customers.update(JANE, UPDATE);
    await coax.customers.delete(JANE);
    await coax.customers.create(CREATE);
    await coax.customers.upsert(UPSERT);
    const queries = kit
      .strict()
      .requests.slice(0, 4)
      .map((r) => `${r.method} ${new URL(r.url).searchParams.get("location_id")}`);
    expect(queries).toEqual([`GET ${LOCATION}`, `GET ${LOCATION}`, `PUT ${LOCATION}`, `DELETE ${LOCATION}`]);
    expect(await sent(2).json()).toEqual(UPDATE); // PUT: query only, the update body has no location_id
    expect(await sent(4).json()).toEqual({ ...CREATE, location_id: LOCATION });
    expect(await sent(5).json()).toEqual({ ...UPSERT, location_id: LOCATION });
    for (const r of kit.strict().requests.slice(4)) expect(new URL(r.url).searchParams.has("location_id")).toBe(false);
  });

  it("does the same for typed raw calls, and leaves GET /health alone", async () => {
    const coax = scoped();
    await coax.GET("/api/v2/customers/{id}", { params: { path: { id: JANE } } });
    await coax.POST("/api/v2/customers", { body: CREATE });
    await coax.GET("/health");
    expect(sent(0).url.searchParams.get("location_id")).toBe(LOCATION);
    expect(await sent(1).json()).toEqual({ ...CREATE, location_id: LOCATION });
    expect(sent(2).url.search).toBe("");
  });

  it("never overrides a location the caller names: per call, in the body, or in a raw query", async () => {
    const coax = scoped();
    await coax.customers.get(JANE, { locationId: OTHER_LOCATION });
    await coax.customers.list({ locationId: OTHER_LOCATION }).pages()[Symbol.asyncIterator]().next();
    await coax.customers.upsert({ ...UPSERT, location_id: OTHER_LOCATION });
    await coax.customers.create(CREATE, { locationId: OTHER_LOCATION });
    await coax.DELETE("/api/v2/customers/{id}", { params: { path: { id: JANE }, query: { location_id: OTHER_LOCATION } } });
    expect(sent(0).url.searchParams.getAll("location_id")).toEqual([OTHER_LOCATION]);
    expect(sent(1).url.searchParams.getAll("location_id")).toEqual([OTHER_LOCATION]);
    expect((await sent(2).json()).location_id).toBe(OTHER_LOCATION);
    expect((await sent(3).json()).location_id).toBe(OTHER_LOCATION);
    expect(sent(4).url.searchParams.getAll("location_id")).toEqual([OTHER_LOCATION]);
  });

  it("reaches Prism's validation: a location that is not a UUID is refused in the query and in the body", async () => {
    // Plain fetch: the 422 is the point of this test, so the strict fetch must not flag it.
    const coax = createCoaxClient({
      token: TOKEN,
      baseUrl: kit.url(),
      rateLimit: false,
      maxRetries: 0,
      locationId: "main-street",
    });
    await expect(coax.customers.get(JANE)).rejects.toBeInstanceOf(UnprocessableEntityError);
    await expect(coax.customers.create(CREATE)).rejects.toBeInstanceOf(UnprocessableEntityError);
    await expect(coax.customers.get(JANE, { locationId: LOCATION })).resolves.toMatchObject({ id: JANE });
  });
});

describe("every documented error status, on every operation", () => {
  const operations: Record<string, (coax: CoaxClient) => Promise<unknown>> = {
    list: (coax) => coax.customers.list()[Symbol.asyncIterator]().next(),
    get: (coax) => coax.customers.get(JANE),
    create: (coax) => coax.customers.create(CREATE),
    upsert: (coax) => coax.customers.upsert(UPSERT),
    update: (coax) => coax.customers.update(JANE, UPDATE),
    delete: (coax) => coax.customers.delete(JANE),
  };
  const common: [number, typeof ApiError, string][] = [
    [400, BadRequestError, "Bad request."],
    [401, AuthenticationError, "Unauthenticated."],
    [403, PermissionDeniedError, "This API key does not have access to this location."],
    [404, NotFoundError, "Customer not found."],
    [422, UnprocessableEntityError, "The given data was invalid."],
    [429, RateLimitError, "Too many requests."],
    [500, InternalServerError, "Something went wrong. Please try again later."],
  ];
  const cases = Object.keys(operations).flatMap((name) => [
    ...common.map(([status, ErrorClass, message]) => [name, status, ErrorClass, message] as const),
    ...(name === "delete" ? [[name, 409, ConflictError, "Customer cannot be deleted."] as const] : []),
  ]);

  it.each(cases)("%s: %i -> %o with Coax's message", async (name, status, ErrorClass, message) => {
    const error = (await operations[name]!(preferring(status)).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, vendor: "coax", message, code: undefined });
    expect(kit.strict().requests).toHaveLength(1);
  });

  it("reads the 422's body.errors as field errors", async () => {
    const error = (await preferring(422)
      .customers.upsert(UPSERT)
      .catch((e: unknown) => e)) as ApiError;
    expect(error.fields).toEqual({ email: ["The email field must be a valid email address."] });
  });

  it("reads the 429's Retry-After as retryAfterMs", async () => {
    const error = (await preferring(429)
      .customers.get(JANE)
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfterMs).toBe(30_000);
  });

  it.each([
    [401, AuthenticationError, "No Authorization Header"],
    [429, RateLimitError, "Rate limit exceeded"],
  ])("reads the Zuplo gateway's problem+json %i (detail as the message)", async (status, ErrorClass, message) => {
    const coax = preferring(status, { Accept: "application/problem+json" });
    const error = (await coax.customers.get(JANE).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, vendor: "coax", message, code: undefined });
    expect(error.body).toMatchObject({ title: expect.any(String), status });
  });

  it.each([
    [429, "Too many requests."],
    [500, "Something went wrong. Please try again later."],
  ])("GET /health (typed raw access): %i comes back as the typed error body", async (status, message) => {
    const { response, error } = await preferring(status).GET("/health");
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ success: false, message });
  });
});

describe("typed raw access", () => {
  it("GET /health answers without needing a location", async () => {
    const { data, response } = await client().GET("/health");
    expect(response.status).toBe(200);
    expect(data).toEqual({ success: true, message: "OK" });
  });

  it("PUT /api/v2/customers/{id} runs through the same stack and returns the vendor envelope", async () => {
    const { data, error } = await client().PUT("/api/v2/customers/{id}", { params: { path: { id: JANE } }, body: UPDATE });
    expect(error).toBeUndefined();
    expect(data?.message).toBe("Customer updated!");
    expect(data?.body.company_name).toBe("Citizen Plumbing Pty Ltd");
    expect(sent().request.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("returns a 404 and a 422 as typed error bodies, without throwing", async () => {
    const missing = await preferring(404).GET("/api/v2/customers/{id}", { params: { path: { id: JANE } } });
    expect(missing.data).toBeUndefined();
    expect(missing.error).toEqual({ success: false, message: "Customer not found.", body: null });
    const invalid = await preferring(422).POST("/api/v2/customers/upsert", { body: UPSERT });
    const body = invalid.error && "success" in invalid.error ? invalid.error.body : undefined;
    expect(body?.errors?.email).toEqual(["The email field must be a valid email address."]);
  });
});
