import { BadRequestError, ConfigurationError, ConflictError, InternalServerError } from "@customer-api/core";
import { errorReader } from "@customer-api/core/vendor-kit/normalize";
// core's own scripted HTTP server on 127.0.0.1 (test-only; not part of core's package).
import { type Handler, json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createHamgamClient, type HamgamClient, type HamgamClientOptions, hamgamDescriptor } from "../src/index.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, options: Partial<HamgamClientOptions> = {}) {
  server = await startServer(handler);
  return createHamgamClient({ token: "secret-key", baseUrl: server.url, maxRetries: 0, ...options });
}

describe("createHamgamClient", () => {
  it("requires baseUrl, in its type and at construction", () => {
    // @ts-expect-error: every tenant has its own host, so the type makes baseUrl required
    const missing = () => createHamgamClient({ token: "k" });
    expect(missing).toThrow(ConfigurationError);
    expect(missing).toThrow(/baseUrl.*required/);
    expect(() => createHamgamClient({ token: "k", baseUrl: "" })).toThrow(ConfigurationError);
    expect(() => createHamgamClient({ token: "k", baseUrl: "vtb1.hamgam.online" })).toThrow(ConfigurationError);
  });

  it("refuses a defaultPhoneCountry that is not a two-letter code", () => {
    expect(() => createHamgamClient({ token: "k", baseUrl: "https://vtb1.hamgam.online", defaultPhoneCountry: "Iran" })).toThrow(
      ConfigurationError,
    );
  });

  it("has no rate limiter by default: Hamgam documents no limit", () => {
    expect(createHamgamClient({ token: "k", baseUrl: "https://vtb1.hamgam.online" }).rateLimiter).toBeUndefined();
    expect("rateLimit" in hamgamDescriptor).toBe(false);
    const limited = createHamgamClient({ token: "k", baseUrl: "https://x.example", rateLimit: { limit: 5, intervalMs: 1000 } });
    expect(limited.rateLimiter).toBeDefined();
  });

  it("sends `Authorization: Token <key>` to paths under the tenant root", async () => {
    const hamgam = await serve((_req, res) => json(res, 200, { id: 5, date_joined: "2024-01-01T00:00:00Z" }));
    const customer = await hamgam.customers.get(5);
    expect(customer.createdAt).toBe("2024-01-01T00:00:00.000Z");
    expect(server!.requests[0]).toMatchObject({ method: "GET", url: "/api/customers/5" });
    expect(server!.requests[0]!.headers.authorization).toBe("Token secret-key");
  });

  it("passes defaultPhoneCountry to the normalizer", async () => {
    const hamgam = await serve((_req, res) => json(res, 200, { id: 5, mobile_number: "0501234567" }), {
      defaultPhoneCountry: "AE",
    });
    expect((await hamgam.customers.get(5)).phone).toBe("+971501234567");
  });
});

describe("error bodies", () => {
  it("turns an HTML 500 page into an InternalServerError", async () => {
    const page = "<!doctype html><html><body><h1>Server Error (500)</h1></body></html>";
    const hamgam = await serve((_req, res) => {
      res.writeHead(500, { "content-type": "text/html; charset=utf-8" });
      res.end(page);
    });
    const error = await hamgam.customers.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, vendor: "hamgam", message: "500 Internal Server Error", body: page });
  });

  it("uses a short plain-text error body as the message", async () => {
    const hamgam = await serve((_req, res) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end("upstream connect error\n");
    });
    const error = await hamgam.customers
      .list()
      [Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, message: "upstream connect error" });
  });

  it("turns a 409 on delete into a ConflictError with the vendor's detail", async () => {
    const detail = "مشتری سفارش فعال دارد و حذف نمی‌شود.";
    const hamgam = await serve((_req, res) => json(res, 409, { detail }));
    const error = await hamgam.customers.delete(9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, message: detail, body: { detail } });
    expect(server!.requests[0]).toMatchObject({ method: "DELETE", url: "/api/customers/9" });
  });

  it("reads DRF validation errors as field errors", async () => {
    const hamgam = await serve((_req, res) => json(res, 400, { limit: ["A valid integer is required."] }));
    const error = await hamgam.customers
      .list()
      .pages()
      [Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      message: "limit: A valid integer is required.",
      fields: { limit: ["A valid integer is required."] },
    });
  });

  it.each([
    // The spec's DRF error body has no `code`, so none is read.
    [
      { detail: "Invalid token.", code: "authentication_failed" },
      { message: "Invalid token.", code: undefined },
    ],
    [{ error: "Server Error (500)" }, { message: "Server Error (500)" }],
    [
      { non_field_errors: ["Customer is protected."], email: ["Enter a valid email address."] },
      { message: "non_field_errors: Customer is protected." },
    ],
    [["Customer has active orders."], { message: "Customer has active orders." }],
    ["<html><h1>Bad Gateway</h1></html>", { message: undefined }],
    [null, {}],
    [{ detail: { nested: true } }, { message: undefined }],
  ])("readError(%j)", (body, expected) => {
    expect(errorReader(hamgamDescriptor.errors)(body)).toMatchObject(expected);
  });
});

describe("offset paging against a server that pages for real", () => {
  const customers = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, first_name: `C${i + 1}` }));
  const window = (url: string, all: unknown[]) => {
    const query = new URL(url, "http://x").searchParams;
    const offset = Number(query.get("offset"));
    return all.slice(offset, offset + Number(query.get("limit")));
  };
  const offsets = () => server!.requests.map((r) => new URL(r.url, "http://x").searchParams.get("offset"));
  const listIds = async (hamgam: HamgamClient) => {
    const ids: string[] = [];
    for await (const c of hamgam.customers.list({ pageSize: 2 })) ids.push(c.id);
    return ids;
  };

  it("walks a DRF page body until `count`", async () => {
    const all = customers(5);
    const hamgam = await serve((req, res) =>
      json(res, 200, { count: 5, next: null, previous: null, results: window(req.url!, all) }),
    );
    expect(await listIds(hamgam)).toEqual(["1", "2", "3", "4", "5"]);
    expect(offsets()).toEqual(["0", "2", "4"]);
  });

  it("walks a bare array until a short page", async () => {
    const all = customers(5);
    const hamgam = await serve((req, res) => json(res, 200, window(req.url!, all)));
    expect(await listIds(hamgam)).toEqual(["1", "2", "3", "4", "5"]);
    expect(offsets()).toEqual(["0", "2", "4"]);
  });

  it("walks a bare array until an empty page when the total is a multiple of the limit", async () => {
    const all = customers(4);
    const hamgam = await serve((req, res) => json(res, 200, window(req.url!, all)));
    expect(await listIds(hamgam)).toEqual(["1", "2", "3", "4"]);
    expect(offsets()).toEqual(["0", "2", "4"]);
  });

  it("takes a bare array longer than the limit as the whole list (a server without paging)", async () => {
    const hamgam = await serve((_req, res) => json(res, 200, customers(3)));
    expect(await listIds(hamgam)).toEqual(["1", "2", "3"]);
    expect(server!.requests).toHaveLength(1);
  });

  it("refuses a pageSize that is not a whole number >= 1", async () => {
    const hamgam = await serve((_req, res) => json(res, 200, []));
    expect(() => hamgam.customers.list({ pageSize: 0 })).toThrow(/pageSize/);
    expect(() => hamgam.customers.list({ pageSize: 2.5 })).toThrow(/pageSize/);
    expect(server!.requests).toHaveLength(0);
  });

  it("refuses a concurrency that is not a whole number >= 1, at once, as the paginator does", async () => {
    const hamgam = await serve((_req, res) => json(res, 200, []));
    expect(() => hamgam.customers.list({ concurrency: 0 })).toThrow(ConfigurationError);
    expect(() => hamgam.customers.list({ concurrency: 1.5 })).toThrow("`concurrency` must be a whole number >= 1");
    expect(server!.requests).toHaveLength(0);
  });
});
