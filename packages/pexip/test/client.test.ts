import { ConfigurationError, RateLimiter } from "@customer-api/core";
import { describe, expect, it } from "vitest";
import { createPexipClient, type PexipClientOptions } from "../src/index.js";
import { customerBody } from "./fixtures.js";

/** A fetch that answers every API call with a customer and every token request with a token. */
function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const body = request.url.includes("/protocol/openid-connect/token")
      ? { access_token: "abc", expires_in: 60 }
      : customerBody();
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const configure = (options: Record<string, unknown>) => () => createPexipClient(options as unknown as PexipClientOptions);

describe("createPexipClient: where requests go", () => {
  it("uses the production host with the enterprise percent-encoded into the path", async () => {
    const { fetch, requests } = recordingFetch();
    await createPexipClient({ enterprise: "acme/../other corp", token: "t", fetch }).customers.get("1");
    expect(requests[0]!.url).toBe("https://api.pexipengage.com/enterprises/acme%2F..%2Fother%20corp/customers/1");
  });

  it("uses the development hosts for the API and the token endpoint", async () => {
    const { fetch, requests } = recordingFetch();
    const pexip = createPexipClient({
      enterprise: "acme",
      environment: "development",
      clientCredentials: { clientId: "id", clientSecret: "secret" },
      fetch,
    });
    await pexip.customers.get("1");
    expect(requests.map((r) => r.url)).toEqual([
      "https://auth.development.pexipengage.com/realms/acme/protocol/openid-connect/token",
      "https://api.development.pexipengage.com/enterprises/acme/customers/1",
    ]);
    expect(requests[1]!.headers.get("authorization")).toBe("Bearer abc");
  });

  it("takes the production token URL from the enterprise, also when baseUrl overrides the API host", async () => {
    const { fetch, requests } = recordingFetch();
    const pexip = createPexipClient({
      enterprise: "acme corp",
      baseUrl: "https://proxy.example/pexip",
      clientCredentials: { clientId: "id", clientSecret: "secret", scope: ["engage:customers:readOnly"] },
      fetch,
    });
    await pexip.customers.get("1");
    expect(requests.map((r) => r.url)).toEqual([
      "https://auth.pexipengage.com/realms/acme%20corp/protocol/openid-connect/token",
      "https://proxy.example/pexip/customers/1",
    ]);
    expect(new URLSearchParams(await requests[0]!.text()).get("scope")).toBe("engage:customers:readOnly");
  });

  it("sends Accept-Language on every request; a per-call header overrides it", async () => {
    const { fetch, requests } = recordingFetch();
    const pexip = createPexipClient({ enterprise: "acme", token: "t", acceptLanguage: "nl, en;q=0.5", fetch });
    await pexip.customers.get("1");
    await pexip.customers.update("1", { firstName: "Jan" });
    await pexip.GET("/customers/{id}", { params: { path: { id: "1" }, header: { "Accept-Language": "fr" } } });
    expect(requests.map((r) => r.headers.get("accept-language"))).toEqual(["nl, en;q=0.5", "nl, en;q=0.5", "fr"]);
  });

  it("limits to 3,000 requests a minute with 4 in flight by default", () => {
    const pexip = createPexipClient({ enterprise: "acme", token: "t" });
    expect(pexip.rateLimiter).toMatchObject({ limit: 3000, intervalMs: 60_000, concurrency: 4 });
    const shared = new RateLimiter({ limit: 10, intervalMs: 1000 });
    expect(createPexipClient({ enterprise: "acme", token: "t", rateLimit: shared }).rateLimiter).toBe(shared);
    expect(createPexipClient({ enterprise: "acme", token: "t", rateLimit: false }).rateLimiter).toBeUndefined();
  });
});

describe("createPexipClient: configuration errors", () => {
  it.each([
    ["no enterprise and no baseUrl", { token: "t" }, /`enterprise` is required/],
    ["an empty enterprise", { token: "t", enterprise: " " }, /`enterprise` is required/],
    ["a dot-segment enterprise", { token: "t", enterprise: ".." }, /dot segment/],
    ["a malformed enterprise", { token: "t", enterprise: "\uD800" }, /well-formed/],
    ["an unknown environment", { token: "t", enterprise: "acme", environment: "staging" }, /`environment`/],
    ["neither token nor clientCredentials", { enterprise: "acme" }, /exactly one/],
    [
      "both token and clientCredentials",
      { enterprise: "acme", token: "t", clientCredentials: { clientId: "a", clientSecret: "b" } },
      /exactly one/,
    ],
    [
      "clientCredentials with baseUrl but no enterprise or tokenUrl",
      { baseUrl: "https://proxy.example", clientCredentials: { clientId: "a", clientSecret: "b" } },
      /`clientCredentials` needs `enterprise`/,
    ],
  ])("refuses %s", (_, options, message) => {
    const create = configure(options);
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(message);
  });

  it("needs no enterprise when baseUrl is given", () => {
    expect(() => createPexipClient({ baseUrl: "https://proxy.example", token: "t" })).not.toThrow();
  });
});
