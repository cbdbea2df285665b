/**
 * Every vendor through every transport fault, via its public `createXClient`: the call succeeds
 * within its retry budget or throws the class core documents for that fault, in bounded time.
 */
import {
  type ApiError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  TimeoutError,
} from "@customer-api/core";
import { reply } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { customerIdOf, vendors } from "../src/vendors.js";
import { failureOf, gapBefore, useFaultServer } from "./support.js";

describe.each(vendors)("$name under transport faults", (kit) => {
  const server = useFaultServer();
  const id = customerIdOf(kit, 1);
  const path = kit.customerPath(encodeURIComponent(id));
  const ok = () => reply.json(200, kit.single(kit.record(1)));
  const get = (options: Record<string, unknown> = {}) => kit.client(server(), { maxRetries: 2, ...options }).customers.get(id);

  describe("429 storms", () => {
    it("waits out Retry-After in seconds, then succeeds", async () => {
      server().script(path, reply.json(429, kit.error(429, "slow down"), { "retry-after": "0.2" }), ok());
      await expect(get()).resolves.toMatchObject({ id });
      expect(server().requests).toHaveLength(2);
      expect(gapBefore(server(), 1)).toBeGreaterThanOrEqual(190);
    });

    it("waits out Retry-After as an HTTP date", async () => {
      let until = 0;
      server().script(
        path,
        () => {
          const date = new Date(Date.now() + 1000).toUTCString();
          until = Date.parse(date);
          return reply.json(429, kit.error(429, "slow down"), { "retry-after": date });
        },
        ok(),
      );
      const sentAt = Date.now();
      await expect(get()).resolves.toMatchObject({ id });
      expect(server().requests).toHaveLength(2);
      // The date has whole seconds: the wait is whatever is left of it, never less.
      expect(Date.now() - sentAt).toBeGreaterThanOrEqual(until - sentAt - 15);
    });

    it("waits out X-RateLimit-Reset", async () => {
      server().script(path, reply.json(429, kit.error(429, "slow down"), { "x-ratelimit-reset": "0.25" }), ok());
      await expect(get()).resolves.toMatchObject({ id });
      expect(gapBefore(server(), 1)).toBeGreaterThanOrEqual(240);
    });

    it("reads a wait given only in the body where the vendor puts one there, else backs off", async () => {
      const body = kit.rateLimitBody?.(0.3) ?? kit.error(429, "slow down");
      server().script(path, reply.json(429, body), ok());
      await expect(get()).resolves.toMatchObject({ id });
      // Without a wait from the vendor the first backoff is 500 ms less up to 25% jitter.
      expect(gapBefore(server(), 1)).toBeGreaterThanOrEqual(kit.rateLimitBody ? 290 : 370);
    });

    it("a storm longer than the retry budget ends in RateLimitError with the vendor's message", async () => {
      server().script(path, reply.json(429, kit.error(429, "slow down"), { "retry-after": "0" }));
      const error = await failureOf(get());
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, vendor: kit.name, message: "slow down", attempts: 3 });
      expect(server().requests).toHaveLength(3);
    });

    it("a wait beyond maxRetryAfterMs is handed back at once", async () => {
      server().script(path, reply.json(429, kit.error(429, "come back in an hour"), { "retry-after": "3600" }));
      const error = await failureOf(get({ maxRetryAfterMs: 1000 }));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
      expect(server().requests).toHaveLength(1);
    });
  });

  describe("5xx bursts", () => {
    it("a 500 then a 503 are retried, then the call succeeds", async () => {
      server().script(
        path,
        reply.json(500, kit.error(500, "boom")),
        reply.json(503, kit.error(503, "busy"), { "retry-after": "0" }),
        ok(),
      );
      await expect(get()).resolves.toMatchObject({ id });
      expect(server().requests.map((r) => r.method)).toEqual(["GET", "GET", "GET"]);
    });

    it("500s past the budget end in InternalServerError carrying the vendor's message", async () => {
      server().script(path, reply.json(500, kit.error(500, "boom"), { "retry-after": "0" }));
      const error = await failureOf(get());
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error).toMatchObject({ status: 500, message: "boom", attempts: 3 });
    });

    it("a 502 HTML page from a proxy is an InternalServerError, not a parse error", async () => {
      server().script(path, reply.text(502, "<html><body>Bad gateway</body></html>", "text/html"));
      const error = await failureOf(get({ maxRetries: 0 }));
      expect(error).toBeInstanceOf(InternalServerError);
      expect((error as ApiError).status).toBe(502);
    });
  });

  describe("dropped connections", () => {
    it("a reset before the headers is retried", async () => {
      server().script(path, reply.reset(), ok());
      await expect(get()).resolves.toMatchObject({ id });
      expect(server().requests).toHaveLength(2);
    });

    it("resets past the budget end in ConnectionError with no status", async () => {
      server().script(path, reply.reset());
      const error = await failureOf(get({ maxRetries: 1 }));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect((error as ApiError).status).toBeUndefined();
      expect(server().requests).toHaveLength(2);
    });

    it("a reset in the middle of the body is retried", async () => {
      server().script(path, reply.resetMidBody(200), ok());
      await expect(get()).resolves.toMatchObject({ id });
      expect(server().requests).toHaveLength(2);
    });
  });

  describe("slow servers", () => {
    it("headers slower than timeoutMs: the attempt times out and the retry succeeds", async () => {
      server().script(path, reply.slowHeaders(2_000, ok()), ok());
      await expect(get({ timeoutMs: 150 })).resolves.toMatchObject({ id });
      expect(server().requests).toHaveLength(2);
    });

    it("a body slower than timeoutMs times out the attempt too", async () => {
      server().script(path, reply.slowBody(2_000, 200, kit.single(kit.record(1))), ok());
      await expect(get({ timeoutMs: 150 })).resolves.toMatchObject({ id });
      expect(server().requests).toHaveLength(2);
    });

    it("a server that never answers ends in TimeoutError", async () => {
      server().script(path, reply.stall());
      const error = await failureOf(get({ timeoutMs: 100, maxRetries: 0 }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toBeInstanceOf(ConnectionError);
    });

    it("deadlineMs bounds the whole call, retries included", async () => {
      server().script(path, reply.stall());
      const started = performance.now();
      const error = await failureOf(get({ timeoutMs: 10_000, deadlineMs: 200, maxRetries: 5 }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  });

  describe("2xx bodies that cannot be read", () => {
    const unreadable: [string, () => ReturnType<typeof reply.text>][] = [
      ["plain text", () => reply.text(200, "OK")],
      [
        "an HTML login page",
        () => reply.text(200, "<!doctype html><html><form>Log in</form></html>", "text/html; charset=utf-8"),
      ],
      ["JSON under a text/plain type", () => reply.text(200, JSON.stringify(kit.single(kit.record(1))), "text/plain")],
      ["truncated JSON", () => reply.text(200, '{"data": {"id": 1', "application/json")],
      ["an empty 200", () => reply.empty(200)],
      ["JSON null", () => reply.text(200, "null", "application/json")],
      ["an array where the envelope belongs", () => reply.json(200, [kit.record(1)])],
      ["a record without an id", () => reply.json(200, kit.single({ ...kit.record(1), id: null }))],
    ];
    it.each(unreadable)("%s is an InvalidResponseError, not retried", async (_what, answer) => {
      server().script(path, answer());
      const error = await failureOf(get());
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).toMatchObject({ vendor: kit.name });
      expect(server().requests).toHaveLength(1);
    });
  });
});
