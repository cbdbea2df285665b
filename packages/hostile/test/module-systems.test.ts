/**
 * `instanceof` across module systems: an app that mixes `require` and `import` loads core twice
 * (its CJS and its ESM build), and an error from one must still be an instance of the other's
 * classes, or `catch (e) { if (e instanceof NotFoundError) ... }` silently stops matching.
 */
import { createRequire } from "node:module";
import * as esm from "@customer-api/core";
import { createHomeleClient } from "@customer-api/homele";
import { reply } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { TOKEN } from "../src/vendors.js";
import { failureOf, useFaultServer } from "./support.js";

const require = createRequire(import.meta.url);
const cjs = require("@customer-api/core") as typeof esm;
const cjsHomele = require("@customer-api/homele") as typeof import("@customer-api/homele");

describe("errors are recognized across the CJS and ESM builds", () => {
  const server = useFaultServer();

  it("the two builds really are two copies of core", () => {
    expect(cjs.ApiError).not.toBe(esm.ApiError);
  });

  it("an error thrown by a client on the CJS build is instanceof the ESM classes", async () => {
    server().fallback(reply.json(404, { success: false, message: "No query results" }));
    const error = await failureOf(
      cjsHomele.createHomeleClient({ token: TOKEN, baseUrl: server().url, rateLimit: false }).customers.get(1),
    );
    expect(error).toBeInstanceOf(cjs.NotFoundError);
    expect(error).toBeInstanceOf(esm.ApiError);
    expect(error).toBeInstanceOf(esm.NotFoundError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(esm.RateLimitError);
    expect(error).not.toBeInstanceOf(esm.InternalServerError);
  });

  it("an error thrown by a client on the ESM build is instanceof the CJS classes", async () => {
    server().fallback(reply.json(429, { success: false, message: "Too Many Attempts." }, { "retry-after": "3600" }));
    const error = await failureOf(createHomeleClient({ token: TOKEN, baseUrl: server().url, rateLimit: false }).customers.get(1));
    expect(error).toBeInstanceOf(esm.RateLimitError);
    expect(error).toBeInstanceOf(cjs.ApiError);
    expect(error).toBeInstanceOf(cjs.RateLimitError);
    expect(error).not.toBeInstanceOf(cjs.NotFoundError);
  });

  it("subclass relations hold across builds: TimeoutError is a ConnectionError, not the reverse", () => {
    const timeout = new cjs.TimeoutError({ vendor: "t", message: "late" });
    const connection = new esm.ConnectionError({ vendor: "t", message: "down" });
    expect(timeout).toBeInstanceOf(esm.ConnectionError);
    expect(timeout).toBeInstanceOf(esm.TimeoutError);
    expect(connection).toBeInstanceOf(cjs.ConnectionError);
    expect(connection).not.toBeInstanceOf(cjs.TimeoutError);
    expect(new Error("plain")).not.toBeInstanceOf(esm.ApiError);
    expect({ name: "ApiError", vendor: "t" }).not.toBeInstanceOf(esm.ApiError);
    expect(null).not.toBeInstanceOf(esm.ApiError);
  });
});
