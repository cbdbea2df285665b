import {
  AuthenticationError,
  ConflictError,
  type Customer,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
} from "@customer-api/core";
import { contractSuite } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { createHamgamClient, type HamgamClientOptions, hamgamDescriptor } from "../src/index.js";

const kit = contractSuite({ descriptor: hamgamDescriptor, createClient: createHamgamClient, token: "9944b09199c62bcf" });

const client = (extra: Partial<HamgamClientOptions> = {}) => kit.client(extra);
const preferring = (prefer: string) => client({ maxRetries: 0, headers: { Prefer: prefer } });

// The spec's examples (DRF's default messages; the 409 text is assumed).
const ERRORS = {
  401: [AuthenticationError, "Authentication credentials were not provided."],
  403: [PermissionDeniedError, "You do not have permission to perform this action."],
  404: [NotFoundError, "Not found."],
  409: [ConflictError, "Customer has active orders and cannot be deleted."],
  500: [InternalServerError, "A server error occurred."],
} as const;
const cases = (...statuses: (keyof typeof ERRORS)[]) => statuses.map((s) => [s, ...ERRORS[s]] as const);

describe("retrieveCustomer through customers.get", () => {
  it("returns the seed's customer, normalized, with the documented fields kept in raw", async () => {
    const customer = await client().customers.get(123);
    expect(customer).toEqual({
      vendor: "hamgam",
      id: "123",
      name: "علی رضایی",
      firstName: "علی",
      lastName: "رضایی",
      email: "ali.rezaei@gmail.com",
      phone: "+989121234567",
      company: null,
      address: null,
      createdAt: "2023-05-14T05:42:45.123Z",
      updatedAt: null,
      raw: expect.objectContaining({ id: 123, mobile_number: "09121234567", date_joined: "2023-05-14T09:12:45.123456+03:30" }),
    });
    expect(customer.raw).toMatchObject({
      national_code: "0012345679",
      birth_date: "1990-03-21",
      total_orders: 14,
      total_spent: "1250000.00",
      last_login: "2025-01-20T18:40:02.551021+03:30",
    });
    const request = kit.strict().requests[0]!;
    expect(request.headers.get("authorization")).toBe("Token 9944b09199c62bcf");
    expect(new URL(request.url).pathname).toBe("/api/customers/123");
  });

  it("turns the null fields of a new customer into nulls", async () => {
    const customer = await preferring("example=newCustomer").customers.get(124);
    expect(customer).toMatchObject({
      id: "124",
      name: null,
      firstName: null,
      lastName: null,
      email: null,
      phone: "+989351234567",
      createdAt: "2025-02-03T07:35:10.000Z",
      updatedAt: null,
    });
    expect(customer.raw).toMatchObject({ last_login: null, national_code: null, total_orders: 0, total_spent: "0.00" });
  });

  it.each(cases(401, 403, 404, 500))("maps a %i to %o with the vendor's detail", async (status, ErrorClass, message) => {
    const error = await preferring(`code=${status}`)
      .customers.get(123)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, vendor: "hamgam", message, code: undefined });
  });

  it.each([
    ["code=404, example=noCustomerMatches", NotFoundError, "No Customer matches the given query."],
    ["code=401, example=invalidToken", AuthenticationError, "Invalid token."],
    ["code=500, example=serverErrorHandler", InternalServerError, "Server Error (500)"],
  ])("reads the other documented bodies too (%s)", async (prefer, ErrorClass, message) => {
    const error = await preferring(prefer)
      .customers.get(123)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ vendor: "hamgam", message });
  });
});

describe("listCustomers through customers.list", () => {
  it("sends every filter as the spec names it, and Prism accepts them", async () => {
    const customers: Customer[] = [];
    const list = client().customers.list({
      pageSize: 25,
      search: "0912",
      ordering: "-created_at",
      has_email: true,
      has_avatar: false,
      has_phone: true,
      has_token: false,
      has_first_name: true,
      has_last_name: true,
      is_active: true,
      is_profile_completed: false,
      is_online: false,
      gender: "female",
      groups_in: "1,4",
      group_id: 3,
      last_login_date: "2025-01-20",
      last_login_from: "2025-01-01",
      last_login_to: "2025-01-31",
      id_min: 100,
      id_max: 500,
      created_date: "2023-05-14",
      created_from: "2023-05-01",
      created_to: "2023-05-31",
      updated_date: "2025-02-01",
      updated_from: "2025-02-01",
      updated_to: "2025-02-28",
    });
    for await (const c of list) customers.push(c);
    expect(customers.map((c) => [c.id, c.phone])).toEqual([
      ["123", "+989121234567"],
      ["124", "+989351234567"],
    ]);
    expect(kit.strict().requests).toHaveLength(1); // `count` is 2: nothing beyond offset 2
    expect(Object.fromEntries(new URL(kit.strict().requests[0]!.url).searchParams)).toEqual({
      limit: "25",
      offset: "0",
      search: "0912",
      ordering: "-created_at",
      has_email: "true",
      has_avatar: "false",
      has_phone: "true",
      has_token: "false",
      has_first_name: "true",
      has_last_name: "true",
      is_active: "true",
      is_profile_completed: "false",
      is_online: "false",
      gender: "female",
      groups_in: "1,4",
      group_id: "3",
      last_login_date: "2025-01-20",
      // The names the list page documents: `last_login_date_from` would be ignored by the server.
      last_login_from: "2025-01-01",
      last_login_to: "2025-01-31",
      id_min: "100",
      id_max: "500",
      created_date: "2023-05-14",
      created_from: "2023-05-01",
      created_to: "2023-05-31",
      updated_date: "2025-02-01",
      updated_from: "2025-02-01",
      updated_to: "2025-02-28",
    });
  });

  it("sends the documented default limit of 10 and gives the DRF page as raw", async () => {
    const pages = [];
    for await (const page of client().customers.list().pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(Array.isArray(pages[0]!.raw)).toBe(false);
    expect(pages[0]!.raw).toMatchObject({ count: 2, previous: null });
    expect(new URL(kit.strict().requests[0]!.url).search).toBe("?limit=10&offset=0");
  });

  it("reads a bare array and stops on its short page", async () => {
    const customers: Customer[] = [];
    for await (const c of preferring("example=bareArray").customers.list()) customers.push(c);
    expect(customers.map((c) => c.name)).toEqual(["علی رضایی"]);
    expect(kit.strict().requests).toHaveLength(1);
  });

  it("asks for the next offset after a full bare-array page, and stops when the server repeats it", async () => {
    const seen: string[] = [];
    const walk = async () => {
      for await (const c of preferring("example=bareArray").customers.list({ pageSize: 1 })) seen.push(c.id);
    };
    await expect(walk()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(seen).toEqual(["123"]);
    expect(kit.strict().requests.map((r) => new URL(r.url).searchParams.get("offset"))).toEqual(["0", "1"]);
  });

  it("stops at maxItems", async () => {
    const ids: string[] = [];
    for await (const c of client().customers.list({ maxItems: 1 })) ids.push(c.id);
    expect(ids).toEqual(["123"]);
  });

  it.each(cases(401, 403, 404, 500))("maps a %i on the list to %o", async (status, ErrorClass, message) => {
    const list = preferring(`code=${status}`).customers.list();
    const error = await list[Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, vendor: "hamgam", message });
  });
});

describe("deleteCustomer through customers.delete", () => {
  it("resolves with nothing on 204", async () => {
    await expect(client().customers.delete(123)).resolves.toBeUndefined();
    const request = kit.strict().requests[0]!;
    expect(request.method).toBe("DELETE");
    expect(new URL(request.url).pathname).toBe("/api/customers/123");
    expect(request.headers.get("authorization")).toBe("Token 9944b09199c62bcf");
  });

  it.each(cases(401, 403, 404, 409, 500))("maps a %i to %o with the vendor's detail", async (status, ErrorClass, message) => {
    const error = await preferring(`code=${status}`)
      .customers.delete(123)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, vendor: "hamgam", message, code: undefined });
  });
});

describe("typed raw access", () => {
  it("GET /api/customers/{id} runs through the same stack and returns the vendor body", async () => {
    const { data, error, response } = await client().GET("/api/customers/{id}", { params: { path: { id: 123 } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.total_spent).toBe("1250000.00");
    expect(kit.strict().requests[0]!.headers.get("authorization")).toBe("Token 9944b09199c62bcf");
  });

  it("GET /api/customers returns the list body as the spec types it", async () => {
    const { data } = await client().GET("/api/customers", { params: { query: { limit: 2, offset: 0 } } });
    expect(Array.isArray(data) ? null : data?.count).toBe(2);
  });

  it("DELETE /api/customers/{id} returns a 409 as a typed error body, without throwing", async () => {
    const { error, response } = await preferring("code=409").DELETE("/api/customers/{id}", { params: { path: { id: 123 } } });
    expect(response.status).toBe(409);
    expect(error).toEqual({ detail: "Customer has active orders and cannot be deleted." });
  });
});
