import { AuthenticationError } from "@customer-api/core";
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createPexipClient } from "../src/index.js";
import { customerBody, errorBody } from "./fixtures.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * One server plays the enterprise's token endpoint (POST /token, numbered tokens) and the API,
 * which accepts only the tokens in `valid`.
 */
async function startPexip(valid: (token: string) => boolean = () => true) {
  let issued = 0;
  server = await startServer((request, res) => {
    if (request.url === "/token") {
      issued += 1;
      json(res, 200, { access_token: `token-${issued}`, token_type: "Bearer", expires_in: 300 });
      return;
    }
    const token = request.headers.authorization?.replace(/^Bearer /, "") ?? "";
    if (valid(token)) json(res, 200, customerBody());
    else json(res, 401, errorBody(401, "Unauthorized", "UNAUTHORIZED"));
  });
  const url = server.url;
  const tokenRequests = () => server!.requests.filter((r) => r.url === "/token");
  const apiRequests = () => server!.requests.filter((r) => r.url !== "/token");
  const client = () =>
    createPexipClient({
      baseUrl: url,
      clientCredentials: { clientId: "engage-client", clientSecret: "s3cret", tokenUrl: `${url}/token` },
      rateLimit: false,
      maxRetries: 0,
    });
  return { tokenRequests, apiRequests, client };
}

describe("OAuth2 client credentials", () => {
  it("asks the token endpoint for the customers scope with the client's credentials", async () => {
    const pexip = await startPexip();
    await pexip.client().customers.get("123");
    const [tokenRequest] = pexip.tokenRequests();
    expect(tokenRequest!.method).toBe("POST");
    expect(tokenRequest!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(tokenRequest!.headers.authorization).toBe(`Basic ${btoa("engage-client:s3cret")}`);
    const form = new URLSearchParams(tokenRequest!.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toBe("engage:customers:readWrite");
    expect(pexip.apiRequests()[0]!.headers.authorization).toBe("Bearer token-1");
  });

  it("caches the token across calls", async () => {
    const pexip = await startPexip();
    const client = pexip.client();
    await client.customers.get("1");
    await client.customers.update("1", { notes: null });
    await client.customers.get("2");
    expect(pexip.tokenRequests()).toHaveLength(1);
    expect(pexip.apiRequests().map((r) => r.headers.authorization)).toEqual(Array(3).fill("Bearer token-1"));
  });

  it("makes one token request for concurrent calls", async () => {
    const pexip = await startPexip();
    const client = pexip.client();
    await Promise.all(["1", "2", "3", "4"].map((id) => client.customers.get(id)));
    expect(pexip.tokenRequests()).toHaveLength(1);
    expect(pexip.apiRequests()).toHaveLength(4);
  });

  it("fetches a new token once when the API answers 401, and sends the call again", async () => {
    const pexip = await startPexip((token) => token !== "token-1");
    const customer = await pexip.client().customers.get("123");
    expect(customer.id).toBe("123");
    expect(pexip.tokenRequests()).toHaveLength(2);
    const api = pexip.apiRequests();
    expect(api.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
    // Still one logical call: the resend keeps its correlation id.
    expect(api[1]!.headers["x-correlation-id"]).toBe(api[0]!.headers["x-correlation-id"]);
  });

  it("gives up after one new token when the API keeps answering 401", async () => {
    const pexip = await startPexip(() => false);
    const error = await pexip
      .client()
      .customers.get("123")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, message: "Unauthorized", code: "UNAUTHORIZED" });
    expect(pexip.tokenRequests()).toHaveLength(2);
    expect(pexip.apiRequests()).toHaveLength(2);
    expect(JSON.stringify(error)).not.toContain("token-");
  });

  it("reports refused credentials as an AuthenticationError naming the OAuth2 error, without the secret", async () => {
    server = await startServer((_, res) =>
      json(res, 401, { error: "invalid_client", error_description: "Invalid client credentials" }),
    );
    const pexip = createPexipClient({
      baseUrl: server.url,
      clientCredentials: { clientId: "engage-client", clientSecret: "s3cret", tokenUrl: `${server.url}/token` },
      rateLimit: false,
    });
    const error = await pexip.customers.get("1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: "invalid_client" });
    expect(String(error)).toContain("Invalid client credentials");
    expect(JSON.stringify(error)).not.toContain("s3cret");
    expect(server.requests.map((r) => r.url)).toEqual(["/token"]);
  });
});
