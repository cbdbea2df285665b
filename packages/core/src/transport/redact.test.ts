import { describe, expect, it } from "vitest";
import { NotFoundError } from "../failure-errors.js";
import { rememberSecret, scrubSecrets, scrubValue } from "./redact.js";

describe("scrubbing credentials", () => {
  it("walks a parsed body value by value, so a secret that spans JSON syntax never breaks it", () => {
    const secret = 'abc":"defgh';
    const body = { [`k${secret}`]: [`v ${secret}`, 1, null, { deep: secret }], untouched: { a: 1 } };
    const clean = scrubValue(body, new Set([secret])) as Record<string, unknown>;
    expect(JSON.stringify(clean)).not.toContain(secret);
    expect(clean["k[REDACTED]"]).toEqual(["v [REDACTED]", 1, null, { deep: "[REDACTED]" }]);
    expect(clean.untouched).toBe(body.untouched); // only what changed is rebuilt
    expect(scrubValue(body, new Set(["absent-secret"]))).toBe(body);
  });

  it("survives cycles and leaves objects that are not parsed JSON alone", () => {
    const cyclic: Record<string, unknown> = { a: "x-secret-value" };
    cyclic.self = cyclic;
    expect((scrubValue(cyclic, new Set(["x-secret-value"])) as { a: string }).a).toBe("[REDACTED]");
    const date = new Date(0);
    expect(scrubValue(date, new Set(["1970"]))).toBe(date);
  });

  it("remembers a credential process-wide, so an error built far from any client is scrubbed too", () => {
    rememberSecret("remembered-credential-42");
    rememberSecret("short"); // too short to scrub without garbling ordinary words
    expect(scrubSecrets("a remembered-credential-42 and a short word")).toBe("a [REDACTED] and a short word");
    const error = new NotFoundError({
      vendor: "t",
      message: "no remembered-credential-42",
      requestId: "Bearer remembered-credential-42",
      body: { echo: "remembered-credential-42" },
    });
    expect(JSON.stringify(error)).not.toContain("remembered-credential-42");
    expect(error.stack).not.toContain("remembered-credential-42");
  });
});
