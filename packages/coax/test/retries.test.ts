import type { ServerResponse } from "node:http";
import { ConnectionError, InternalServerError, RateLimitError } from "@customer-api/core";
// core's own scripted HTTP server on 127.0.0.1 (test-only; not part of core's package).
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { type CoaxClient, createCoaxClient } from "../src/index.js";
import { envelope, failure, JANE } from "./fixtures.js";

// The retry policy: POST/PATCH retry only on 429 and 503 (neither means the write happened); GET, PUT and DELETE also on other 5xx and
// dropped connections. Every scripted failure carries `Retry-After: 0`, so a retry costs no
// backoff time, and the only reason not to retry is the method.
const NOW = { "retry-after": "0" };

let server: TestServer;
afterEach(() => server?.close());

const coax = (extra: { maxRetries?: number } = {}) =>
  createCoaxClient({ token: "coax-key", baseUrl: server.url, rateLimit: false, ...extra });
const customer = (res: ServerResponse) => json(res, 200, envelope("Customer fetched!", { id: JANE, name: "Jane Citizen" }));

const writes: Record<string, (client: CoaxClient) => Promise<unknown>> = {
  create: (client) => client.customers.create({ name: "Jane Citizen" }),
  upsert: (client) => client.customers.upsert({ email: "jane@example.com" }),
};
const idempotent: Record<string, (client: CoaxClient) => Promise<unknown>> = {
  get: (client) => client.customers.get(JANE),
  update: (client) => client.customers.update(JANE, { name: "Jane" }),
  delete: (client) => client.customers.delete(JANE),
};

describe("create and upsert are not idempotent", () => {
  it.each(Object.keys(writes))("%s: a POST that failed with 500 is sent once, with the default maxRetries", async (name) => {
    server = await startServer((_req, res) => json(res, 500, failure("Something went wrong."), NOW));
    const error = await writes[name]!(coax()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, message: "Something went wrong.", attempts: 1 });
    expect(server.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it.each(Object.keys(writes))("%s: a POST whose connection drops is not sent again", async (name) => {
    server = await startServer((req) => req.socket.destroy());
    await expect(writes[name]!(coax())).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it.each(Object.keys(writes))("%s: a POST that got 503 is retried (the server did not act on it)", async (name) => {
    server = await startServer((_req, res, call) =>
      call === 1 ? json(res, 503, failure("Service unavailable."), NOW) : customer(res),
    );
    await expect(writes[name]!(coax({ maxRetries: 1 }))).resolves.toMatchObject({ id: JANE });
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
  });
});

describe("get, update and delete are idempotent", () => {
  it.each(Object.keys(idempotent))("%s: a 500 is retried", async (name) => {
    server = await startServer((_req, res, call) =>
      call === 1 ? json(res, 500, failure("Something went wrong."), NOW) : customer(res),
    );
    await idempotent[name]!(coax({ maxRetries: 1 }));
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.method).toBe(server.requests[0]!.method);
  });
});

describe("429 without Retry-After", () => {
  it("takes the wait from the envelope's body.retry_after", async () => {
    server = await startServer((_req, res) => json(res, 429, failure("Too many requests.", { retry_after: 30 })));
    const error = await coax({ maxRetries: 0 })
      .customers.get(JANE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 30_000, message: "Too many requests." });
  });
});
