import { ConfigurationError } from "@customer-api/core";
// core's own scripted HTTP server on 127.0.0.1 (test-only; not part of core's package).
import { json, startServer } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { coaxDescriptor, createCoaxClient } from "../src/index.js";
import { envelope, JANE, LOCATION } from "./fixtures.js";

describe("createCoaxClient", () => {
  it("defaults to the assumed host, no rate limit and the Bearer scheme", () => {
    const coax = createCoaxClient({ token: "k" });
    expect(coaxDescriptor).toMatchObject({ baseUrl: "https://api.coax.com.au", authScheme: "Bearer" });
    expect("rateLimit" in coaxDescriptor).toBe(false);
    expect(coax.rateLimiter).toBeUndefined();
  });

  it.each(["", "   "])("refuses a blank locationId (%j)", (locationId) => {
    expect(() => createCoaxClient({ token: "k", locationId })).toThrow(ConfigurationError);
  });

  it("refuses a defaultPhoneCountry that is not a two-letter code, and accepts null", () => {
    expect(() => createCoaxClient({ token: "k", defaultPhoneCountry: "Australia" })).toThrow(ConfigurationError);
    expect(() => createCoaxClient({ token: "k", locationId: LOCATION, defaultPhoneCountry: null })).not.toThrow();
  });
});

describe("defaultPhoneCountry reaches the normalizer", () => {
  it("reads a national number as Australian by default, and not at all with null", async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, envelope("Customer fetched!", { id: JANE, phone: "(02) 9374 4000" })),
    );
    try {
      const get = (defaultPhoneCountry?: string | null) =>
        createCoaxClient({ token: "k", baseUrl: server.url, defaultPhoneCountry }).customers.get(JANE);
      expect((await get()).phone).toBe("+61293744000");
      expect((await get(null)).phone).toBeNull();
    } finally {
      await server.close();
    }
  });
});
