import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { testClient } from "../../test/test-client.js";
import type { AttemptLog } from "./logger.js";
import { redactUrl } from "./redact.js";

let server: TestServer | undefined;
afterEach(async () => server?.close());

describe("logger", () => {
  it("sees every attempt with method, url, status, attempt and request id, and no credential", async () => {
    server = await startServer((_req, res, call) => json(res, call === 1 ? 503 : 200, {}, { "x-request-id": `req-${call}` }));
    const events: AttemptLog[] = [];
    const api = testClient(server.url, { logger: (e) => events.push(e) });
    await api.client.GET("/customers" as never, { params: { query: { api_key: "sk-test-SECRET-123", q: "x" } } } as never);
    expect(events.map(({ attempt, status, method, requestId }) => ({ attempt, status, method, requestId }))).toEqual([
      { attempt: 1, status: 503, method: "GET", requestId: "req-1" },
      { attempt: 2, status: 200, method: "GET", requestId: "req-2" },
    ]);
    expect(events[0]!.url).toBe(`${server.url}/customers?api_key=%5BREDACTED%5D&q=x`);
    expect(events.every((e) => e.durationMs >= 0)).toBe(true);
    expect(JSON.stringify(events)).not.toContain("SECRET");
  });

  it("a logger that throws does not break the request", async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
    const api = testClient(server.url, {
      logger: () => {
        throw new Error("broken logger");
      },
    });
    expect((await api.client.GET("/x" as never, {} as never)).data).toEqual({ ok: true });
  });

  it("redactUrl masks secret-looking parameters and known credentials, not search terms", () => {
    const secrets = new Set(["tok-abcdef"]);
    expect(redactUrl("https://u:p@h/x?token=1&keyword=a&note=tok-abcdef", secrets)).toBe(
      "https://h/x?token=%5BREDACTED%5D&keyword=a&note=[REDACTED]",
    );
  });
});

describe("a shared limiter", () => {
  it("queues a burst from two clients under the vendor's limit instead of drawing 429s", async () => {
    // The server allows 3 requests per 100 ms window and answers 429 beyond that; the client's
    // limiter is set to 3 per 500 ms, so only a batch delayed by 400 ms could collide.
    const starts: number[] = [];
    server = await startServer((_req, res) => {
      const now = Date.now();
      starts.push(now);
      const recent = starts.filter((t) => now - t < 100);
      json(res, recent.length > 3 ? 429 : 200, {}, recent.length > 3 ? { "retry-after": "1" } : {});
    });
    const { RateLimiter } = await import("./rate-limiter.js");
    const shared = new RateLimiter({ limit: 3, intervalMs: 500 });
    const a = testClient(server.url, { rateLimit: shared, maxRetries: 0 });
    const b = testClient(server.url, { rateLimit: shared, maxRetries: 0 });
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).client.GET("/x" as never, {} as never).then((r) => {
          order.push(i);
          return r.response.status;
        }),
      ),
    );
    expect(results).toEqual(Array(8).fill(200));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
