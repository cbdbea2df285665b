/**
 * Requests with a body under faults: a retry resends the same bytes, and only what is safe to
 * send twice is sent twice (POST and PATCH only after 429 or 503, which say the server did not
 * act; PUT and DELETE after any 5xx or a dropped connection).
 */
import { ConnectionError, InternalServerError } from "@customer-api/core";
import { reply } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { vendors } from "../src/vendors.js";
import { failureOf, useFaultServer } from "./support.js";

const writers = vendors.filter((kit) => kit.bodyMethods.length > 0);

describe.each(writers)("$name writes under faults", (kit) => {
  const server = useFaultServer();
  const ok = () => reply.json(200, kit.single(kit.record(1)));
  const client = () => kit.client(server(), { maxRetries: 2 });

  describe.each(kit.bodyMethods)("$name ($method)", (write) => {
    const route = `${write.method} ${write.path}`;
    const idempotent = write.method === "PUT";

    it("a 429 then a 503 are retried with the same body, byte for byte", async () => {
      server().script(
        route,
        reply.json(429, kit.error(429, "slow"), { "retry-after": "0" }),
        reply.json(503, kit.error(503, "busy"), { "retry-after": "0" }),
        ok(),
      );
      await expect(write.call(client())).resolves.toBeDefined();
      const sent = server().requests;
      expect(sent).toHaveLength(3);
      expect(new Set(sent.map((r) => r.method))).toEqual(new Set([write.method]));
      expect(sent[0]!.body.length).toBeGreaterThan(2);
      expect(sent.map((r) => r.body)).toEqual(Array(3).fill(sent[0]!.body));
      expect(sent.map((r) => r.headers["content-type"])).toEqual(Array(3).fill(sent[0]!.headers["content-type"]));
    });

    it(`a 500 is ${idempotent ? "retried" : "not retried"}`, async () => {
      server().script(route, reply.json(500, kit.error(500, "boom"), { "retry-after": "0" }), ok());
      const outcome = await write.call(client()).catch((e: unknown) => e);
      if (idempotent) {
        expect(outcome).not.toBeInstanceOf(Error);
        expect(server().requests).toHaveLength(2);
      } else {
        expect(outcome).toBeInstanceOf(InternalServerError);
        expect(server().requests).toHaveLength(1);
      }
    });

    it(`a dropped connection is ${idempotent ? "retried" : "not retried"}`, async () => {
      server().script(route, reply.reset(), ok());
      const outcome = await write.call(client()).catch((e: unknown) => e);
      if (idempotent) {
        expect(outcome).not.toBeInstanceOf(Error);
        expect(server().requests.map((r) => r.body)).toEqual(Array(2).fill(server().requests[0]!.body));
      } else {
        expect(outcome).toBeInstanceOf(ConnectionError);
        expect(server().requests).toHaveLength(1);
      }
    });

    it("a 401 with a provider that refreshes resends the body with the new token", async () => {
      let issued = 0;
      const tokens = { getToken: async () => `tok-${issued}-abcdefgh`, invalidate: () => void issued++ };
      server().script(route, reply.json(401, kit.error(401, "expired")), ok());
      const c = kit.client(server(), { maxRetries: 0, token: tokens });
      await expect(write.call(c)).resolves.toBeDefined();
      const [first, second] = server().requests;
      expect(first!.headers.authorization).toContain("tok-0-");
      expect(second!.headers.authorization).toContain("tok-1-");
      expect(second!.body).toBe(first!.body);
    });
  });
});

describe("a write whose caller aborts mid-flight", () => {
  const server = useFaultServer();
  const kit = writers[0]!;
  const write = kit.bodyMethods[0]!;

  it("ends with UserAbortError at once and leaves nothing running", async () => {
    const controller = new AbortController();
    // Abort once the server holds the request, so the abort lands mid-flight however slow the machine.
    server().script(/./, () => {
      controller.abort();
      return reply.stall();
    });
    const pending = write.call(kit.client(server(), { maxRetries: 2 }), { signal: controller.signal });
    const error = await failureOf(pending);
    expect((error as Error).name).toBe("UserAbortError");
    expect(server().requests).toHaveLength(1);
  });
});
