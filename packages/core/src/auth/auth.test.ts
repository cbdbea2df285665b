import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { testClient } from "../../test/test-client.js";
import { AuthenticationError } from "../failure-errors.js";
import { clientCredentials } from "./client-credentials.js";
import { refreshingToken } from "./refresh-token.js";

let server: TestServer | undefined;
afterEach(async () => server?.close());

describe("clientCredentials", () => {
  it("caches the token, sends one token request for many waiting calls, and refreshes once after a 401", async () => {
    let issued = 0;
    let rejectNext = false;
    server = await startServer((req, res) => {
      if (req.url === "/token") {
        issued++;
        return setTimeout(() => json(res, 200, { access_token: `at-${issued}`, expires_in: 3600 }), 20);
      }
      if (rejectNext && req.headers.authorization === "Bearer at-1") return json(res, 401, { message: "expired" });
      json(res, 200, { auth: req.headers.authorization });
    });
    const provider = clientCredentials({ tokenUrl: `${server.url}/token`, clientId: "id", clientSecret: "shh-secret" });
    const api = testClient(server.url, { token: provider });
    const results = await Promise.all(Array.from({ length: 5 }, () => api.client.GET("/x" as never, {} as never)));
    expect(results.map((r) => (r.data as unknown as { auth: string }).auth)).toEqual(Array(5).fill("Bearer at-1"));
    expect(issued).toBe(1);
    const tokenRequest = server.requests.find((r) => r.url === "/token")!;
    expect(tokenRequest.body).toBe("grant_type=client_credentials");
    expect(tokenRequest.headers.authorization).toBe(`Basic ${btoa("id:shh-secret")}`);

    rejectNext = true;
    const after401 = await api.client.GET("/x" as never, {} as never);
    expect((after401.data as unknown as { auth: string }).auth).toBe("Bearer at-2");
    expect(issued).toBe(2);
  });

  it("reports a refused token request as AuthenticationError without the secret", async () => {
    server = await startServer((_req, res) => json(res, 400, { error: "invalid_client", error_description: "Bad client" }));
    const provider = clientCredentials({ tokenUrl: `${server.url}/token`, clientId: "id", clientSecret: "shh-secret" });
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: "invalid_client", message: "Token request failed (400): invalid_client: Bad client" });
    expect(JSON.stringify(error)).not.toContain("shh-secret");
  });
});

describe("refreshingToken (single-use refresh tokens)", () => {
  it("never runs two refreshes at once, and uses and reports each rotated refresh token", async () => {
    let active = 0;
    let maxActive = 0;
    let n = 0;
    server = await startServer((_req, res, _call, body) => {
      active++;
      maxActive = Math.max(maxActive, active);
      const sent = new URLSearchParams(body).get("refresh_token");
      setTimeout(() => {
        active--;
        n++;
        json(res, 200, { access_token: `at-${n}`, refresh_token: `rt-${n}`, expires_in: 3600, sent });
      }, 30);
    });
    const saved: string[] = [];
    const provider = refreshingToken({
      tokenUrl: `${server.url}/token`,
      clientId: "id",
      clientSecret: "secret",
      tokens: { accessToken: "old", refreshToken: "rt-0", expiresAt: 0 },
      onRefresh: (t) => void saved.push(t.refreshToken),
    });
    const tokens = await Promise.all(Array.from({ length: 6 }, () => provider.getToken()));
    expect(tokens).toEqual(Array(6).fill("at-1"));
    provider.invalidate!("at-1");
    const [a, b] = await Promise.all([provider.getToken(), provider.getToken()]);
    expect([a, b]).toEqual(["at-2", "at-2"]);
    expect(maxActive).toBe(1);
    expect(server.requests.map((r) => new URLSearchParams(r.body).get("refresh_token"))).toEqual(["rt-0", "rt-1"]);
    expect(saved).toEqual(["rt-1", "rt-2"]);
  });
});
