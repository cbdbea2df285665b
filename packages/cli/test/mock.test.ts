/** `--mock`: the CLI against Prism mocks of the specs it ships (dist/specs), started in its own process. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI, runCli } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "customer-api-mock-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The records of the first example of the spec's list operation, as the shipped spec has them. */
function exampleListRecords(vendor: string, path: string, pick: (value: any) => unknown[]): unknown[] {
  const spec = parse(readFileSync(join(CLI, "..", "specs", `${vendor}.yaml`), "utf8"));
  const examples = spec.paths[path].get.responses["200"].content["application/json"].examples;
  return pick((Object.values(examples)[0] as { value: unknown }).value);
}

// A --mock run starts Prism in its own process (about 3 s alone): give it room on a busy runner.
const MOCK_RUN = { timeoutMs: 60_000 };

describe("--mock", () => {
  it("coax: list --raw gives the spec's example records exactly", { timeout: 90_000 }, async () => {
    const expected = exampleListRecords("coax", "/api/v2/customers", (v) => v.body.customers);
    const result = await runCli(["list", "coax", "--mock", "--raw"], MOCK_RUN);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(expected);
  });

  it("coax: export --format csv --out writes the example records, one row each", { timeout: 90_000 }, async () => {
    const out = join(dir, "c.csv");
    const result = await runCli(["export", "coax", "--mock", "--format", "csv", "--out", out], { ...MOCK_RUN, cwd: dir });
    expect(result.code).toBe(0);
    const expected = exampleListRecords("coax", "/api/v2/customers", (v) => v.body.customers) as {
      id: string;
      name: string;
      email: string | null;
    }[];
    const [header, ...rows] = parseCsv(readFileSync(out, "utf8")) as string[][];
    expect(header!.slice(0, 3)).toEqual(["vendor", "id", "name"]);
    expect(rows.map((r) => [r[0], r[1], r[2], r[5]])).toEqual(expected.map((c) => ["coax", c.id, c.name, c.email ?? ""]));
  });

  const vendors: [string, string][] = [
    ["homele", "42"],
    ["pexip", "123"],
    ["shtara", "2075683582"],
    ["hamgam", "123"],
    ["coax", "3f6c1b52-8a2e-4c7d-9b1e-2d4f6a8c0e11"],
  ];
  for (const [vendor, id] of vendors) {
    it(`${vendor}: get and list work with no account`, { timeout: 150_000 }, async () => {
      const got = await runCli(["get", vendor, id, "--mock"], MOCK_RUN);
      expect(got.stderr).toBe("");
      expect(got.code).toBe(0);
      expect(JSON.parse(got.stdout)).toMatchObject({ vendor, id });
      const listed = await runCli(["list", vendor, "--mock"], MOCK_RUN);
      expect(listed.code).toBe(0);
      const records = listed.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { vendor: string; id: string });
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.vendor === vendor && typeof r.id === "string")).toBe(true);
    });
  }

  it("refuses --mock with --base-url", async () => {
    const result = await runCli(["list", "coax", "--mock", "--base-url", "http://127.0.0.1:9"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--mock and --base-url cannot be used together");
  });
});
