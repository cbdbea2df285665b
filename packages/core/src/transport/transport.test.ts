/** The whole stack against a real HTTP server on 127.0.0.1: the transport faults a client meets in production. */
import { inspect } from "node:util";
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { getOrThrow, testClient } from "../../test/test-client.js";
import { ConfigurationError, ConnectionError, InvalidRequestError, InvalidResponseError } from "../errors.js";
import { AuthenticationError, InternalServerError, RateLimitError, TimeoutError, UserAbortError } from "../failure-errors.js";

let servers: TestServer[] = [];
const serve = async (handler: Parameters<typeof startServer>[0]) => {
  const server = await startServer(handler);
  servers.push(server);
  return server;
};
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe("retries", () => {
  it("waits out a 429's Retry-After: 1, then returns the 200", async () => {
    const server = await serve((_req, res, call) =>
      call === 1 ? json(res, 429, { message: "slow down" }, { "retry-after": "1" }) : json(res, 200, { ok: true }),
    );
    const api = testClient(server.url);
    const result = await api.client.GET("/things" as never, {} as never);
    expect(result.response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    // The second attempt came no earlier than the server asked (a lower bound, not a speed check).
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("retries 500, 500 and returns the 200 on the third attempt", async () => {
    const server = await serve((_req, res, call) =>
      call < 3 ? json(res, 500, { message: "boom" }) : json(res, 200, { n: call }),
    );
    const data = await getOrThrow(testClient(server.url), "/things");
    expect(data).toEqual({ n: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it("a call waiting to retry holds no limiter slot: another call goes out during its backoff", async () => {
    // One slot; /a fails once with a 500 (backoff, no requested wait, so no pause for everyone).
    const server = await serve((req, res) => {
      const firstA = req.url === "/a" && server.requests.filter((r) => r.url === "/a").length === 1;
      json(res, firstA ? 500 : 200, { url: req.url });
    });
    const api = testClient(server.url, { rateLimit: { limit: 100, intervalMs: 1_000, concurrency: 1 } });
    const a = getOrThrow(api, "/a");
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const b = getOrThrow(api, "/b");
    expect(await Promise.all([a, b])).toEqual([{ url: "/a" }, { url: "/b" }]);
    expect(server.requests.map((r) => r.url)).toEqual(["/a", "/b", "/a"]);
  });

  it("gives up after maxRetries and reports the attempts on the error", async () => {
    const server = await serve((_req, res) => json(res, 502, { message: "bad gateway", code: "upstream" }));
    const error = await getOrThrow(testClient(server.url, { maxRetries: 1 }), "/things").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, message: "bad gateway", code: "upstream", attempts: 2, vendor: "acme" });
    expect(server.requests).toHaveLength(2);
  });

  it("throws RateLimitError at once when the requested wait is past the cap", async () => {
    const server = await serve((_req, res) => json(res, 429, { message: "later" }, { "retry-after": "3600" }));
    const error = (await getOrThrow(testClient(server.url), "/things").catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("does not resend a POST that failed with 500, but does after a 503", async () => {
    const server = await serve((req, res, call) => json(res, req.url === "/fail" ? 500 : call === 2 ? 503 : 201, {}));
    const api = testClient(server.url, { maxRetries: 2 });
    const failed = await api.client.POST("/fail" as never, { body: { a: 1 } } as never);
    expect(failed.response.status).toBe(500);
    expect(server.requests).toHaveLength(1);
    const retried = await api.client.POST("/ok" as never, { body: { a: 1 } } as never);
    expect(retried.response.status).toBe(201);
    expect(server.requests.slice(1).map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it("retries a GET whose connection drops, then reports a ConnectionError", async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await getOrThrow(testClient(server.url, { maxRetries: 1 }), "/things").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: undefined, attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });
});

describe("timeouts and cancellation", () => {
  it("fails an attempt that outlasts timeoutMs with TimeoutError", async () => {
    const server = await serve((_req, res) => {
      const timer = setTimeout(() => json(res, 200, {}), 5_000);
      res.on("close", () => clearTimeout(timer));
    });
    const error = await getOrThrow(testClient(server.url, { timeoutMs: 100, maxRetries: 1 }), "/slow").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: undefined, attempts: 2 });
  });

  it("times out a server that sends headers and then stalls the body", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial":');
    });
    const error = await getOrThrow(testClient(server.url, { timeoutMs: 150, maxRetries: 0 }), "/stall").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("ends the whole call at deadlineMs, even inside a backoff wait", async () => {
    // The server asks for a 10 s wait; the 1.5 s deadline must end the call during that wait.
    const server = await serve((_req, res) => json(res, 503, {}, { "retry-after": "10" }));
    const error = await getOrThrow(testClient(server.url, { deadlineMs: 1_500, maxRetries: 5 }), "/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/deadline/);
    expect(server.requests).toHaveLength(1);
  });

  it("turns the caller's abort into UserAbortError, not retried", async () => {
    let arrived!: () => void;
    const serverHasIt = new Promise<void>((resolve) => (arrived = resolve));
    const server = await serve(() => arrived()); // never answers
    const controller = new AbortController();
    const pending = getOrThrow(testClient(server.url), "/hang", { signal: controller.signal });
    await serverHasIt;
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(UserAbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("responses that cannot be read", () => {
  it("a 200 that is not JSON becomes InvalidResponseError, for raw access too", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{not json");
    });
    const api = testClient(server.url);
    await expect(getOrThrow(api, "/x")).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(api.client.GET("/x" as never, {} as never)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("an HTML page with a 200 becomes InvalidResponseError naming its type", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>Login</html>");
    });
    const error = await getOrThrow(testClient(server.url), "/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("text/html");
  });

  it("an HTML 500 still becomes InternalServerError with the text as body", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(500, { "content-type": "text/html" });
      res.end("<h1>Server Error</h1>");
    });
    const error = await getOrThrow(testClient(server.url, { maxRetries: 0 }), "/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, body: "<h1>Server Error</h1>" });
  });
});

describe("hostile input and secrets", () => {
  it("keeps every id inside its path segment", async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const api = testClient(server.url);
    await getOrThrow(api, "/customers/{id}", { params: { path: { id: "a/../b?c=1#d" } } });
    expect(server.requests[0]!.url).toBe("/customers/a%2F..%2Fb%3Fc%3D1%23d");
    for (const id of ["..", ".", "%2e%2E", "", "\uD800"]) {
      await expect(getOrThrow(api, "/customers/{id}", { params: { path: { id } } })).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(server.requests).toHaveLength(1);
  });

  it("never shows the token in an error's message, toString, JSON or inspect", async () => {
    const server = await serve((req, res) => json(res, 401, { message: `bad token ${req.headers.authorization}` }));
    const error = await getOrThrow(testClient(server.url), "/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-test-SECRET-123");
    for (const view of [
      String(error),
      (error as Error).message,
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: false }),
    ]) {
      expect(view).not.toContain("SECRET");
    }
  });

  it("drops credentials on a redirect to another origin, keeps them on the same origin", async () => {
    const other = await serve((_req, res) => json(res, 200, { where: "other" }));
    const home = await serve((req, res) => {
      if (req.url === "/away") return res.writeHead(302, { location: `${other.url}/landing` }).end();
      if (req.url === "/here") return res.writeHead(307, { location: "/final" }).end();
      json(res, 200, { where: "home" });
    });
    const api = testClient(home.url);
    expect(await getOrThrow(api, "/away")).toEqual({ where: "other" });
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
    expect(await getOrThrow(api, "/here")).toEqual({ where: "home" });
    expect(home.requests.at(-1)!.headers.authorization).toBe("Bearer sk-test-SECRET-123");
  });
});

describe("configuration", () => {
  it("refuses a baseUrl that carries credentials, without repeating them", () => {
    let error: unknown;
    try {
      testClient("https://admin:hunter2-pass@api.acme.test/v1");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(JSON.stringify(error) + String(error)).not.toContain("hunter2");
  });
});

describe("auth", () => {
  it("takes the token from an async function on every attempt", async () => {
    const server = await serve((_req, res, call) => json(res, call === 1 ? 503 : 200, {}));
    let n = 0;
    await getOrThrow(testClient(server.url, { token: async () => `tok-${++n}` }), "/x");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("uses the vendor's scheme word", async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const { createApiClient } = await import("../client.js");
    const api = createApiClient<any>({ vendor: "t", authScheme: "Token" }, { token: "k1234", baseUrl: server.url });
    await api.client.GET("/x" as never, {} as never);
    expect(server.requests[0]!.headers.authorization).toBe("Token k1234");
  });
});
