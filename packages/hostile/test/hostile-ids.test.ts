/**
 * Hostile ids through every method that takes one, for every vendor: either exactly one request
 * on the intended route with the id as one percent-encoded segment (checked on the raw path the
 * server received), or an `InvalidRequestError` with nothing sent.
 */
import { ApiError, InvalidRequestError } from "@customer-api/core";
import { type FaultServer, reply, startFaultServer } from "@customer-api/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordsOf, servePages, vendors } from "../src/vendors.js";

const HOSTILE: [string, string][] = [
  ["parent segment", "../admin"],
  ["dot-dot", ".."],
  ["dot", "."],
  ["encoded dot-dot", "%2e%2e"],
  ["encoded parent", "%2e%2e%2fadmin"],
  ["query", "42?x=1"],
  ["fragment", "#"],
  ["slash", "a/b"],
  ["backslash", "a\\..\\b"],
  ["CRLF", "42\r\nX-Injected: 1"],
  ["lone surrogate", "abc\uD800"],
  ["5,000 characters", "x".repeat(5000)],
  ["non-ASCII", "مشتری-۴۲-Zoë-😀"],
  ["space and percent", "a b%20c%"],
  ["empty", ""],
  ["whitespace", "  "],
];

describe.each(vendors)("$name refuses or encodes hostile ids", (kit) => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
    server.fallback(reply.json(200, kit.single(kit.record(1))));
  });
  afterAll(() => server.close());

  describe.each(Object.entries(kit.idMethods))("%s", (_name, method) => {
    it.each(HOSTILE)("%s", async (_what, id) => {
      server.clearRequests();
      const client = kit.client(server, { maxRetries: 0 });
      let outcome: unknown;
      try {
        outcome = await method.call(client, id);
      } catch (error) {
        outcome = error;
      }
      if (outcome instanceof InvalidRequestError) {
        expect(server.requests, "an id refused must send nothing").toEqual([]);
        expect(outcome.vendor).toBe(kit.name);
        return;
      }
      expect(outcome, "anything but InvalidRequestError must be a success").not.toBeInstanceOf(Error);
      expect(server.requests).toHaveLength(1);
      const [sent] = server.requests;
      expect(sent!.method).toBe(method.method);
      const [prefix, suffix] = method.route.split("{id}") as [string, string];
      expect(sent!.path.startsWith(prefix) && sent!.path.endsWith(suffix), `${sent!.path} is on ${method.route}`).toBe(true);
      const segment = sent!.path.slice(prefix.length, sent!.path.length - suffix.length);
      expect(segment).not.toMatch(/[/?#\\]/);
      expect(segment).not.toMatch(/^\.{1,2}$/);
      expect(decodeURIComponent(segment)).toBe(id);
      expect(sent!.url.includes("?") ? new URL(sent!.url, "http://x").searchParams.has("x") : false).toBe(false);
      expect(JSON.stringify(sent!.headers)).not.toContain("X-Injected");
    });
  });

  it("a non-finite number or a non-scalar id is refused before sending", async () => {
    server.clearRequests();
    const client = kit.client(server, { maxRetries: 0 });
    for (const id of [Number.NaN, Number.POSITIVE_INFINITY, {}, null, undefined]) {
      const error = await kit.idMethods.get!.call(client, id as never).catch((e: unknown) => e);
      expect(error, `id ${String(id)}`).toBeInstanceOf(InvalidRequestError);
      expect(error).toBeInstanceOf(ApiError);
    }
    expect(server.requests).toEqual([]);
  });

  const search = kit.search;
  describe.runIf(search !== undefined)("free-text search", () => {
    it.each(HOSTILE.filter(([what]) => what !== "empty" && what !== "whitespace"))(
      "%s stays one query value",
      async (_what, text) => {
        server.clearRequests();
        server.script(
          kit.listPath,
          servePages(kit, 10, () => ({ records: recordsOf(kit, 1, 1), total: 1 })),
        );
        const client = kit.client(server, { maxRetries: 0 });
        let outcome: unknown;
        try {
          for await (const _ of search!.list(client, text));
        } catch (error) {
          outcome = error;
        }
        if (outcome instanceof InvalidRequestError) {
          expect(server.requests).toEqual([]);
          return;
        }
        expect(outcome).toBeUndefined();
        expect(server.requests).toHaveLength(1);
        const [sent] = server.requests;
        expect(sent!.path).toBe(kit.listPath);
        expect(sent!.query.getAll(search!.param)).toEqual([text]);
        expect(sent!.query.has("x")).toBe(false);
      },
    );
  });
});
