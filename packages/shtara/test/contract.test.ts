import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  type Customer,
  InternalServerError,
  InvalidRequestError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "@customer-api/core";
import { contractSuite } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { createShtaraClient, type ShtaraClient, type ShtaraClientOptions, shtaraDescriptor } from "../src/index.js";
import { SEED_CUSTOMER } from "./seed.js";

const kit = contractSuite({ descriptor: shtaraDescriptor, createClient: createShtaraClient, token: "salla-access-token" });

const TOKEN = "salla-access-token";
const client = (extra: Partial<ShtaraClientOptions> = {}) =>
  createShtaraClient({
    token: TOKEN,
    baseUrl: kit.url(),
    fetch: kit.strict().fetch,
    rateLimit: false,
    ...extra,
  } as ShtaraClientOptions);
const preferring = (prefer: string) => client({ maxRetries: 0, headers: { Prefer: prefer } });
const lastRequest = () => kit.strict().requests.at(-1)!;
const spreadsheet = () => new Blob(["first_name,last_name,mobile\nAhmed,Ali,777777777\n"], { type: "text/csv" });

describe("getCustomer through customers.get", () => {
  it("returns the seed's customer, normalized", async () => {
    const customer = await client().customers.get(2075683582);
    expect(customer).toEqual({ ...SEED_CUSTOMER, raw: expect.anything() });
    expect(customer.raw.location).toBe("null");
    expect(customer.raw.mobile).toBe(777777777);
    expect(lastRequest().headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(new URL(lastRequest().url).pathname).toBe("/customers/2075683582");
  });

  it("reads a string mobile with a '+966' code and a JSON null location", async () => {
    const customer = await preferring("example=mobileAsStringPlusCode").customers.get(1837465021);
    expect(customer).toMatchObject({
      id: "1837465021",
      name: "Sara Alqahtani",
      email: "sara@shtara.com",
      phone: "+966555123456",
      updatedAt: "2024-11-05T06:12:00.000Z",
      address: { formatted: "Jeddah, Saudi Arabia", street: null, city: "Jeddah", countryCode: "SA" },
    });
  });

  it("sends Accept-Language when asked to, and not otherwise", async () => {
    await client({ acceptLanguage: "en" }).customers.get(1);
    expect(lastRequest().headers.get("accept-language")).toBe("en");
    await client().customers.get(1);
    expect(lastRequest().headers.get("accept-language")).toBeNull();
  });
});

describe("listCustomers through customers.list", () => {
  it("returns the example page normalized, sending every filter as the spec names it", async () => {
    const customers: Customer[] = [];
    const list = client().customers.list({
      pageSize: 60,
      keyword: "Ahmed",
      date_from: "2024-12-01",
      date_to: "2024-12-31",
      "fields[]": ["is_blocked", "block_reason"],
    });
    for await (const c of list) customers.push(c);
    expect(customers).toEqual([
      // This record has no country_code: the code comes from its Arabic country name.
      { ...SEED_CUSTOMER, raw: expect.anything() },
      expect.objectContaining({
        id: "2075683581",
        name: "Ali Ahmed",
        phone: "+967777777777",
        updatedAt: SEED_CUSTOMER.updatedAt,
      }),
    ]);
    expect(kit.strict().requests).toHaveLength(1); // totalPages: 1
    const url = new URL(kit.strict().requests[0]!.url);
    expect(Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)]))).toEqual({
      per_page: ["60"],
      keyword: ["Ahmed"],
      date_from: ["2024-12-01"],
      date_to: ["2024-12-31"],
      "fields[]": ["is_blocked", "block_reason"],
      page: ["1"],
    });
  });

  it("walks page numbers until totalPages, whether links is [] or an object", async () => {
    // Prism answers with one example; page 1 gets the one that says "page 2 of 3", page 2 the last.
    const byPage: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      const page = new URL(request.url).searchParams.get("page");
      if (page === "1") request.headers.set("Prefer", "example=linksAsObjectMobileAsString");
      return kit.strict().fetch(request);
    };
    const pages = [];
    for await (const page of client({ fetch: byPage }).customers.list().pages()) pages.push(page);
    expect(pages.map((p) => p.items.map((c) => c.id))).toEqual([["1837465021"], ["2075683582", "2075683581"]]);
    expect(kit.strict().requests.map((r) => new URL(r.url).searchParams.get("page"))).toEqual(["1", "2"]);
    expect(pages[0]!.raw.pagination.links).toEqual({
      previous: "https://api.salla.dev/admin/v2/customers?page=1",
      next: "https://api.salla.dev/admin/v2/customers?page=3",
    });
    expect(pages[1]!.raw.pagination.links).toEqual([]);
  });

  it("stops with InvalidResponseError when the server repeats a page instead of advancing", async () => {
    const repeating = client({ headers: { Prefer: "example=linksAsObjectMobileAsString" } });
    const seen: string[] = [];
    const walk = async () => {
      for await (const c of repeating.customers.list()) seen.push(c.id);
    };
    await expect(walk()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(seen).toEqual(["1837465021"]);
  });

  it("honours maxItems without fetching another page", async () => {
    const ids: string[] = [];
    for await (const c of client().customers.list({ maxItems: 1 })) ids.push(c.id);
    expect(ids).toEqual(["2075683582"]);
    expect(kit.strict().requests).toHaveLength(1);
  });
});

describe("write operations", () => {
  it("create sends the vendor's example body and returns the customer, normalized", async () => {
    const input = {
      first_name: "Ahmed",
      last_name: "Ali",
      mobile: "777777777",
      mobile_code_country: "+967",
      gender: "female" as const,
      birthday: "1997-06-03",
      email: "ahmed.ali@shtara.com",
      groups: ["11323141", "11323142"],
    };
    const customer = await client().customers.create(input);
    expect(lastRequest().method).toBe("POST");
    expect(await lastRequest().json()).toEqual(input);
    expect(customer).toMatchObject({
      id: "2075683582",
      name: "Ahmed Ali",
      phone: "+967777777777",
      updatedAt: "2020-04-02T19:43:26.000Z",
      address: {
        formatted: "Alaziziiah street, building number 3, Riyadh, السعودية",
        street: "Alaziziiah street, building number 3",
        city: "Riyadh",
        country: "السعودية",
      },
    });
  });

  it("create reads a 201 answer the same way", async () => {
    const customer = await preferring("code=201").customers.create({
      first_name: "Ahmed",
      last_name: "Ali",
      mobile: "777777777",
      mobile_code_country: "+967",
    });
    expect(customer).toMatchObject({
      id: "2075683590",
      email: "ahmed.ali@shtara.com",
      phone: "+967777777777",
      updatedAt: "2025-04-17T04:56:35.000Z",
      address: { formatted: "Riyadh, السعودية", street: null },
    });
  });

  it.each([
    ["200", "code=200"],
    ["201", "code=201"],
  ])("update sends only the changed fields and returns the customer (%s)", async (_, prefer) => {
    const customer = await preferring(prefer).customers.update(2075683582, { last_name: "Alharbi" });
    expect(lastRequest().method).toBe("PUT");
    expect(new URL(lastRequest().url).pathname).toBe("/customers/2075683582");
    expect(await lastRequest().json()).toEqual({ last_name: "Alharbi" });
    expect(customer).toMatchObject({ id: "2075683582", lastName: "Alharbi", updatedAt: "2025-04-20T07:00:00.000Z" });
  });

  it.each(["code=200", "code=202"])("delete resolves to nothing (%s)", async (prefer) => {
    await expect(preferring(prefer).customers.delete(2075683582)).resolves.toBeUndefined();
    expect(lastRequest().method).toBe("DELETE");
    expect(new URL(lastRequest().url).pathname).toBe("/customers/2075683582");
  });

  it("ban sends the reason to the blacklist path", async () => {
    await expect(client().customers.ban(2075683582, { reason: "untrusted customer" })).resolves.toBeUndefined();
    expect(lastRequest().method).toBe("PUT");
    expect(new URL(lastRequest().url).pathname).toBe("/customers/blacklist/2075683582");
    expect(await lastRequest().json()).toEqual({ reason: "untrusted customer" });
  });

  it("ban without a reason is refused before any request (Salla requires one)", async () => {
    const ban = client().customers.ban as (id: number, input?: { reason?: string }) => Promise<void>;
    for (const input of [undefined, {}, { reason: "  " }]) {
      await expect(ban(2075683582, input)).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(kit.strict().requests).toHaveLength(0);
  });

  it("get sends fields[] to add keys, and nothing when none are asked for", async () => {
    await client().customers.get(2075683582, { "fields[]": ["is_blocked", "orders_count"] });
    expect(new URL(lastRequest().url).searchParams.getAll("fields[]")).toEqual(["is_blocked", "orders_count"]);
    await client().customers.get(2075683582);
    expect(new URL(lastRequest().url).search).toBe("");
  });

  it("unban deletes from the blacklist path", async () => {
    await expect(client().customers.unban(2075683582)).resolves.toBeUndefined();
    expect(lastRequest().method).toBe("DELETE");
    expect(new URL(lastRequest().url).pathname).toBe("/customers/blacklist/2075683582");
  });

  it("import uploads the file as multipart form data and returns the vendor's message", async () => {
    const result = await client().customers.import(spreadsheet(), { filename: "customers.csv" });
    expect(result).toEqual({ message: "يتم حالياً معالجة الملف وسوف يستغرق بعض الوقت" });
    const sent = lastRequest();
    expect(sent.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const file = (await sent.formData()).get("file") as File;
    expect(file.name).toBe("customers.csv");
    expect(await file.text()).toBe(await spreadsheet().text());
  });

  it("import takes a File's own name", async () => {
    await client().customers.import(new File([spreadsheet()], "export.xlsx"));
    expect(((await lastRequest().formData()).get("file") as File).name).toBe("export.xlsx");
  });
});

// Every operation with every error status the spec documents for it.
const ID = 2075683582;
const OPERATIONS: Record<string, { call: (c: ShtaraClient) => Promise<unknown>; statuses: number[] }> = {
  list: { call: (c) => c.customers.list()[Symbol.asyncIterator]().next(), statuses: [400, 401, 403, 422, 429, 500] },
  create: {
    call: (c) => c.customers.create({ first_name: "Ahmed", last_name: "Ali", mobile: "777777777", mobile_code_country: "+967" }),
    statuses: [400, 401, 403, 422, 429, 500],
  },
  get: { call: (c) => c.customers.get(ID), statuses: [400, 401, 403, 404, 429, 500] },
  update: { call: (c) => c.customers.update(ID, { first_name: "Ahmed" }), statuses: [400, 401, 403, 404, 422, 429, 500] },
  delete: { call: (c) => c.customers.delete(ID), statuses: [400, 401, 403, 404, 429, 500] },
  ban: { call: (c) => c.customers.ban(ID, { reason: "untrusted customer" }), statuses: [400, 401, 403, 404, 422, 429, 500] },
  unban: { call: (c) => c.customers.unban(ID), statuses: [400, 401, 403, 404, 429, 500] },
  import: { call: (c) => c.customers.import(spreadsheet()), statuses: [400, 401, 403, 422, 429, 500] },
};
const EXPECTED: Record<number, [typeof ApiError, string, string]> = {
  400: [BadRequestError, "bad_request", "Invalid parameters, fields or filters"],
  401: [AuthenticationError, "Unauthorized", "The access token is invalid"],
  403: [PermissionDeniedError, "forbidden", "The access is not allowed"],
  404: [NotFoundError, "not_found", "The content you are trying to access is no longer available"],
  422: [UnprocessableEntityError, "error", "alert.invalid_fields"],
  429: [RateLimitError, "too_many_requests", "Too Many Attempts."],
  500: [InternalServerError, "server_error", "Internal Server Error"],
};
const CASES = Object.entries(OPERATIONS).flatMap(([name, op]) => op.statuses.map((status) => [name, status] as const));

describe("documented error statuses", () => {
  it.each(CASES)("%s maps a %i to its error class with the vendor's code and message", async (name, status) => {
    const error = await OPERATIONS[name]!.call(preferring(`code=${status}`)).catch((e: unknown) => e);
    const [ErrorClass, code, message] = EXPECTED[status]!;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, vendor: "shtara", code, message });
  });

  it("reads a 422's field errors", async () => {
    const error = (await OPERATIONS.create!.call(preferring("code=422")).catch((e: unknown) => e)) as ApiError;
    expect(error.fields).toEqual({ first_name: ["الاسم الاول للعميل مطلوب"] });
    const several = (await OPERATIONS.update!.call(preferring("code=422, example=duplicateMobileAndEmail")).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(several.fields).toEqual({
      mobile: ["The mobile has already been taken."],
      email: ["The email has already been taken."],
    });
  });

  it("reads an integer error code as a string", async () => {
    const error = await client({ maxRetries: 0, headers: { Prefer: "code=404, example=codeAsInteger" } })
      .customers.get(ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "404", message: "The content you are trying to access is no longer available" });
  });

  it("reads the 429's Retry-After as retryAfterMs", async () => {
    const error = (await OPERATIONS.get!.call(preferring("code=429")).catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfterMs).toBe(60_000);
  });
});

describe("typed raw access", () => {
  it("GET /customers/{customer} runs through the same stack and returns the vendor body", async () => {
    const { data, error, response } = await client().GET("/customers/{customer}", {
      params: { path: { customer: ID }, header: { "Accept-Language": "en" } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.data.updated_at).toEqual({ date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "Asia/Riyadh" });
    expect(lastRequest().headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(lastRequest().headers.get("accept-language")).toBe("en");
  });

  it("PUT /customers/blacklist/{customer} returns the action's message", async () => {
    const { data } = await client().PUT("/customers/blacklist/{customer}", {
      params: { path: { customer: ID } },
      body: { reason: "untrusted customer" },
    });
    expect(data).toEqual({
      status: 201,
      success: true,
      data: { message: "The Blacklist has been updated successfully", code: 201 },
    });
  });

  it("returns a 422 as a typed error body, without throwing", async () => {
    const { data, error, response } = await preferring("code=422").POST("/customers", {
      body: { first_name: "Ahmed", last_name: "Ali", mobile: "777777777", mobile_code_country: "+967" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(error?.error.fields).toEqual({ first_name: ["الاسم الاول للعميل مطلوب"] });
  });
});
