import { AuthenticationError, ConfigurationError, type RefreshTokenSet } from "@customer-api/core";
import { errorReader } from "@customer-api/core/vendor-kit/normalize";
import { json, startServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createShtaraClient, SALLA_TOKEN_URL, type ShtaraClientOptions, shtaraDescriptor } from "../src/index.js";

/** A Salla stand-in on 127.0.0.1: the OAuth2 token endpoint and the customers API. */
interface FakeSalla {
  url: string;
  tokenRequests: URLSearchParams[];
  apiAuthorizations: (string | undefined)[];
  close(): Promise<void>;
}

const CUSTOMER = {
  id: 1,
  first_name: "Ahmed",
  last_name: "Ali",
  mobile: 777777777,
  mobile_code: "967",
  email: null,
  updated_at: { date: "2020-04-02 22:43:26.000000", timezone_type: 3, timezone: "Asia/Riyadh" },
};

let servers: FakeSalla[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function startFakeSalla(options: {
  /** The token endpoint's answer to its n-th request (1-based). */
  token(n: number, form: URLSearchParams): { status: number; body: unknown };
  /** Access tokens the API accepts. */
  accepts(token: string): boolean;
}): Promise<FakeSalla> {
  const tokenRequests: URLSearchParams[] = [];
  const apiAuthorizations: (string | undefined)[] = [];
  const server = await startServer((req, res, _call, text) => {
    if (req.url === "/oauth2/token") {
      const form = new URLSearchParams(text);
      tokenRequests.push(form);
      const answer = options.token(tokenRequests.length, form);
      return json(res, answer.status, answer.body);
    }
    const authorization = req.headers.authorization;
    apiAuthorizations.push(authorization);
    if (!authorization?.startsWith("Bearer ") || !options.accepts(authorization.slice(7))) {
      return json(res, 401, {
        status: 401,
        success: false,
        error: { code: "Unauthorized", message: "The access token is invalid" },
      });
    }
    json(res, 200, { status: 200, success: true, data: CUSTOMER });
  });
  const fake: FakeSalla = { url: server.url, tokenRequests, apiAuthorizations, close: server.close };
  servers.push(fake);
  return fake;
}

const refreshingClient = (salla: FakeSalla, tokens: RefreshTokenSet, onRefresh?: (t: RefreshTokenSet) => void) =>
  createShtaraClient({
    baseUrl: salla.url,
    rateLimit: false,
    refreshToken: { clientId: "app-id", clientSecret: "app-secret", tokens, onRefresh, tokenUrl: `${salla.url}/oauth2/token` },
  });

describe("refresh-token auth (single-use refresh tokens)", () => {
  it("many concurrent calls that need a refresh share exactly one refresh request", async () => {
    const salla = await startFakeSalla({
      token: () => ({
        status: 200,
        body: { access_token: "a2", refresh_token: "r2", expires_in: 1209600, token_type: "bearer" },
      }),
      accepts: (token) => token === "a2",
    });
    const refreshed: RefreshTokenSet[] = [];
    const shtara = refreshingClient(salla, { accessToken: "a1", refreshToken: "r1", expiresAt: 0 }, (t) => refreshed.push(t));

    const customers = await Promise.all(Array.from({ length: 12 }, () => shtara.customers.get(1)));

    expect(customers.map((c) => c.id)).toEqual(Array(12).fill("1"));
    expect(salla.tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(salla.tokenRequests[0]!)).toEqual({
      grant_type: "refresh_token",
      refresh_token: "r1",
      client_id: "app-id",
      client_secret: "app-secret",
    });
    expect(salla.apiAuthorizations).toEqual(Array(12).fill("Bearer a2"));
    expect(refreshed).toEqual([{ accessToken: "a2", refreshToken: "r2", expiresAt: expect.any(Number) }]);
  });

  it("uses the rotated refresh token next time and hands each new set to onRefresh", async () => {
    // expires_in 0: every token is already stale, so each call refreshes.
    const salla = await startFakeSalla({
      token: (n) => ({ status: 200, body: { access_token: `a${n + 1}`, refresh_token: `r${n + 1}`, expires_in: 0 } }),
      accepts: (token) => token.startsWith("a"),
    });
    const refreshed: RefreshTokenSet[] = [];
    const shtara = refreshingClient(salla, { accessToken: "a1", refreshToken: "r1", expiresAt: 0 }, (t) => refreshed.push(t));

    await shtara.customers.get(1);
    await shtara.customers.get(1);

    expect(salla.tokenRequests.map((form) => form.get("refresh_token"))).toEqual(["r1", "r2"]);
    expect(refreshed.map((t) => [t.accessToken, t.refreshToken])).toEqual([
      ["a2", "r2"],
      ["a3", "r3"],
    ]);
    expect(salla.apiAuthorizations).toEqual(["Bearer a2", "Bearer a3"]);
  });

  it("a 401 from the API triggers one refresh and one retry", async () => {
    const salla = await startFakeSalla({
      token: () => ({ status: 200, body: { access_token: "a2", refresh_token: "r2", expires_in: 3600 } }),
      accepts: (token) => token === "a2",
    });
    const shtara = refreshingClient(salla, { accessToken: "a1", refreshToken: "r1" }); // no expiry known: valid until a 401

    const customer = await shtara.customers.get(1);

    expect(customer.phone).toBe("+967777777777");
    expect(salla.apiAuthorizations).toEqual(["Bearer a1", "Bearer a2"]);
    expect(salla.tokenRequests.map((form) => form.get("refresh_token"))).toEqual(["r1"]);
  });

  it("a refused refresh is an AuthenticationError that names no credential", async () => {
    const salla = await startFakeSalla({
      token: () => ({ status: 400, body: { error: "invalid_grant", error_description: "The refresh token is invalid." } }),
      accepts: () => false,
    });
    const shtara = refreshingClient(salla, { accessToken: "a1", refreshToken: "r1-secret", expiresAt: 0 });

    const error = await shtara.customers.get(1).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: "invalid_grant", vendor: "shtara" });
    expect(JSON.stringify(error) + String(error)).not.toMatch(/r1-secret|app-secret/);
    expect(salla.tokenRequests).toHaveLength(1);
    expect(salla.apiAuthorizations).toEqual([]);
  });

  it("refreshes at Salla's token endpoint unless told otherwise, through the client's fetch", async () => {
    const seen: string[] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push(`${request.method} ${request.url}`);
      const body =
        request.url === SALLA_TOKEN_URL
          ? { access_token: "a2", refresh_token: "r2" }
          : { status: 200, success: true, data: CUSTOMER };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    };
    const shtara = createShtaraClient({
      fetch: fetchFn,
      rateLimit: false,
      refreshToken: { clientId: "id", clientSecret: "secret", tokens: { accessToken: "a1", refreshToken: "r1", expiresAt: 0 } },
    });
    await shtara.customers.get(1);
    expect(seen).toEqual([`POST ${SALLA_TOKEN_URL}`, "GET https://api.salla.dev/admin/v2/customers/1"]);
  });
});

describe("createShtaraClient options", () => {
  it("limits to the documented 500 requests per 10 minutes by default", () => {
    const limiter = createShtaraClient({ token: "t" }).rateLimiter;
    expect(limiter).toMatchObject({ limit: 500, intervalMs: 600_000 });
    expect(createShtaraClient({ token: "t", rateLimit: false }).rateLimiter).toBeUndefined();
  });

  it.each([
    ["neither", {}],
    ["both", { token: "t", refreshToken: { clientId: "i", clientSecret: "s", tokens: { accessToken: "a", refreshToken: "r" } } }],
  ])("refuses %s of token and refreshToken", (_, options) => {
    expect(() => createShtaraClient(options as ShtaraClientOptions)).toThrow(ConfigurationError);
  });
});

describe("reading error bodies where the spec points (error.message, error.code, error.fields)", () => {
  const read = errorReader(shtaraDescriptor.errors);

  it("reads code and message, whether the code is a string or an integer", () => {
    expect(read({ status: 404, success: false, error: { code: "not_found", message: "Gone" } })).toEqual({
      code: "not_found",
      message: "Gone",
      fields: undefined,
    });
    expect(read({ status: 404, success: false, error: { code: 404, message: "Gone" } })).toMatchObject({ code: 404 });
  });

  it("reads 422 field errors as arrays, a lone string as one message", () => {
    const body = {
      error: { code: "error", message: "alert.invalid_fields", fields: { first_name: "required", mobile: ["taken", 3], x: {} } },
    };
    expect(read(body).fields).toEqual({ first_name: ["required"], mobile: ["taken"] });
  });

  it.each([[null], ["<html>"], [{}], [{ error: "boom" }], [{ error: { code: {}, message: 5, fields: [] } }]])(
    "reads nothing from %j without throwing",
    (body) => {
      expect(read(body)).toEqual({ message: undefined, code: undefined, fields: undefined });
    },
  );
});
