import { afterEach, describe, expect, it, vi } from "vitest";
import { testClient } from "../../test/test-client.js";

/** Where the scrubbing module installs itself; removed to see what an error is before it loads. */
const SCRUBBER = Symbol.for("@customer-api/core.error-scrubber");
const holder = globalThis as { [SCRUBBER]?: unknown };
const installed = holder[SCRUBBER];

afterEach(() => {
  if (installed === undefined) delete holder[SCRUBBER];
  else holder[SCRUBBER] = installed;
});

describe("errors before and after the scrubbing code loads", () => {
  it("before it loads, an error keeps no body or field errors; once loaded, they are kept, scrubbed", async () => {
    delete holder[SCRUBBER];
    vi.resetModules();
    const { ApiError } = await import("../errors.js");
    const { rememberSecret } = await import("./secrets.js");
    const secret = "before-load-credential-77";
    rememberSecret(secret);

    const early = new ApiError({
      vendor: "t",
      message: "the client's own words",
      body: { token: secret },
      fields: { a: [secret] },
    });
    expect(early.body).toBeUndefined();
    expect(early.fields).toBeUndefined();
    expect(JSON.stringify(early)).not.toContain(secret);

    await import("./redact.js");
    const late = new ApiError({
      vendor: "t",
      message: `echoed ${secret}`,
      body: { token: secret, kept: "yes" },
      fields: { a: [secret] },
    });
    expect(late.message).toBe("echoed [REDACTED]");
    expect(late.body).toEqual({ token: "[REDACTED]", kept: "yes" });
    expect(late.fields).toEqual({ a: ["[REDACTED]"] });
  });

  it("a request openapi-fetch cannot build throws InvalidRequestError without the credential its message quoted", async () => {
    const { InvalidRequestError } = await import("../errors.js");
    const { rememberSecret } = await import("./secrets.js");
    const secret = "header-credential-4242";
    rememberSecret(secret);
    const fetch = vi.fn(async () => new Response("{}"));
    const api = testClient("http://api.test", { fetch: fetch as unknown as typeof globalThis.fetch });
    const error = await api.client
      .GET("/x" as never, { headers: { "x-key": `${secret}\n\u0000` } } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(String((error as Error).message)).toMatch(/^Could not build the request/);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String(error)).not.toContain(secret);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("names an error by its class even when a minifier renamed the class", async () => {
    const { NotFoundError } = await import("../failure-errors.js");
    const own = Object.getOwnPropertyDescriptor(NotFoundError, "name")!;
    Object.defineProperty(NotFoundError, "name", { value: "a" }); // what a minified bundle makes of it
    try {
      expect(new NotFoundError({ vendor: "t", message: "m" }).name).toBe("NotFoundError");
    } finally {
      Object.defineProperty(NotFoundError, "name", own);
    }
    // A subclass of the caller's own has no brand of its own and keeps its own name.
    class AppError extends NotFoundError {}
    expect(new AppError({ vendor: "t", message: "m" }).name).toBe("AppError");
  });
});
