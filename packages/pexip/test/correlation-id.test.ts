import { NotFoundError } from "@customer-api/core";
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createPexipClient } from "../src/index.js";
import { failure } from "./expect-failure.js";
import { customerBody, errorBody } from "./fixtures.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const client = (url: string) => createPexipClient({ token: "t", baseUrl: url, rateLimit: false });

describe("X-Correlation-Id", () => {
  it("keeps one id across the retries of a call (503, then 200)", async () => {
    server = await startServer((_, res, call) => {
      if (call === 1) json(res, 503, errorBody(503, "Service unavailable", "UNAVAILABLE"));
      else json(res, 200, customerBody());
    });
    const customer = await client(server.url).customers.get("123");
    expect(customer.id).toBe("123");
    const ids = server.requests.map((r) => r.headers["x-correlation-id"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toBe(ids[0]);
  });

  it("gives every logical call its own id", async () => {
    server = await startServer((_, res) => json(res, 200, customerBody()));
    const pexip = client(server.url);
    await pexip.customers.get("1");
    await pexip.customers.update("1", { notes: null });
    await pexip.GET("/customers/{id}", { params: { path: { id: "1" } } });
    const ids = server.requests.map((r) => r.headers["x-correlation-id"]);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it("uses the caller's id from the call option, a per-call header or the client headers", async () => {
    server = await startServer((_, res) => json(res, 200, customerBody()));
    await client(server.url).customers.get("1", { correlationId: "from-option" });
    await client(server.url).GET("/customers/{id}", {
      params: { path: { id: "1" } },
      headers: { "x-correlation-id": "from-header" },
    });
    const fixed = createPexipClient({
      token: "t",
      baseUrl: server.url,
      rateLimit: false,
      headers: { "X-Correlation-Id": "from-client" },
    });
    await fixed.customers.get("1");
    expect(server.requests.map((r) => r.headers["x-correlation-id"])).toEqual(["from-option", "from-header", "from-client"]);
  });

  it("is the requestId of an error when the server does not echo it", async () => {
    server = await startServer((_, res) => json(res, 404, errorBody(404, "Customer not found", "CUSTOMER_NOT_FOUND")));
    const error = await failure(client(server.url).customers.get("9"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, message: "Customer not found", code: "CUSTOMER_NOT_FOUND" });
    expect(error.requestId).toMatch(UUID);
    expect(error.requestId).toBe(server.requests[0]!.headers["x-correlation-id"]);
  });

  it("prefers the id the server echoes", async () => {
    server = await startServer((_, res) => {
      res.writeHead(404, { "content-type": "application/json", "x-correlation-id": "server-side" });
      res.end(JSON.stringify(errorBody(404, "Customer not found", "CUSTOMER_NOT_FOUND")));
    });
    const error = await failure(client(server.url).customers.get("9"));
    expect(error.requestId).toBe("server-side");
  });
});
