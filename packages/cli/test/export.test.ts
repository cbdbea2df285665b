import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeCoaxCustomer } from "@customer-api/coax";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CoaxServer, checkpointPages, coaxRecord, runCli, spawnCli, startCoaxServer, waitFor } from "./helpers.js";

const TOKEN = "coax-test-key-7f3a9c";
const RECORDS = 640;
const PAGE_SIZE = 50;

let server: CoaxServer;
let dir: string;
const args = (...rest: string[]) => ["export", "coax", "--base-url", server.url, "--page-size", String(PAGE_SIZE), ...rest];
const env = () => ({ COAX_API_KEY: TOKEN });

beforeAll(async () => {
  server = await startCoaxServer({ records: RECORDS, token: TOKEN, pageDelayMs: 4 });
  dir = mkdtempSync(join(tmpdir(), "customer-api-export-"));
  expected = await Promise.all(Array.from({ length: RECORDS }, (_, i) => normalized(i)));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the export must hold for customer `i`: the published normalizer's result, without `raw`. */
async function normalized(i: number) {
  const { raw: _, ...record } = await normalizeCoaxCustomer(coaxRecord(i));
  return record;
}
let expected: Awaited<ReturnType<typeof normalized>>[];
const expectedNormalized = (i: number) => expected[i]!;

describe("export: every record, exactly", () => {
  it("ndjson: the normalized records, in order, one per line", async () => {
    const out = join(dir, "all.ndjson");
    const result = await runCli(args("--format", "ndjson", "--out", out), { env: env() });
    expect(result.stderr).toContain(`exported ${RECORDS} coax customers (13 pages) to ${out}`);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(RECORDS);
    for (const [i, line] of lines.entries()) expect(JSON.parse(line)).toEqual(expectedNormalized(i));
    expect(existsSync(`${out}.checkpoint.json`)).toBe(false);
  });

  it("--raw json: the vendor's records as the server sent them, in one valid document", async () => {
    const out = join(dir, "raw.json");
    const result = await runCli(args("--format", "json", "--raw", "--out", out), { env: env() });
    expect(result.code).toBe(0);
    const records = JSON.parse(readFileSync(out, "utf8")) as unknown[];
    expect(records).toHaveLength(RECORDS);
    for (const [i, record] of records.entries()) expect(record).toEqual(coaxRecord(i));
  });

  it("csv: RFC 4180 (CRLF, quotes, commas, line breaks, Arabic and Persian), fixed columns", async () => {
    const out = join(dir, "all.csv");
    const result = await runCli(args("--format", "csv", "--out", out), { env: env() });
    expect(result.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(
      text.startsWith(
        "vendor,id,name,firstName,lastName,email,phone,company,address.formatted,address.street,address.city,address.state,address.postalCode,address.country,address.countryCode,createdAt,updatedAt\r\n",
      ),
    ).toBe(true);
    expect(text).toContain('"Sam ""The Plumber"" Lee"');
    expect(text).toContain('"محمد, أحمد"');
    const rows = parse(text, { relax_column_count: false }) as string[][];
    const [header, ...data] = rows;
    expect(data).toHaveLength(RECORDS);
    data.forEach((row, i) => {
      const c = expectedNormalized(i);
      const a = c.address;
      const cell = (v: string | null | undefined) => v ?? "";
      expect(row).toEqual([
        "coax",
        c.id,
        cell(c.name),
        cell(c.firstName),
        cell(c.lastName),
        cell(c.email),
        cell(c.phone),
        cell(c.company),
        cell(a?.formatted),
        cell(a?.street),
        cell(a?.city),
        cell(a?.state),
        cell(a?.postalCode),
        cell(a?.country),
        cell(a?.countryCode),
        cell(c.createdAt),
        cell(c.updatedAt),
      ]);
    });
    expect(header).toHaveLength(17);
    // The names with quotes, commas and line breaks survive the round trip.
    expect(data[1]![2]).toBe('Sam "The Plumber" Lee');
    expect(data[2]![2]).toBe(expectedNormalized(2).name);
  });

  it("--raw csv: the spec's record fields as columns, nested values as JSON", async () => {
    const out = join(dir, "raw.csv");
    const result = await runCli(args("--format", "csv", "--raw", "--out", out, "--limit", "30"), { env: env() });
    expect(result.code).toBe(0);
    const [header, ...data] = parse(readFileSync(out, "utf8")) as string[][];
    expect(header).toEqual([
      "id",
      "name",
      "email",
      "phone",
      "address",
      "avatar",
      "company_name",
      "tags",
      "source",
      "status",
      "location_id",
      "business_id",
      "created_at",
      "updated_at",
      "_extra",
    ]);
    expect(data).toHaveLength(30);
    data.forEach((row, i) => {
      const r = coaxRecord(i);
      expect(row).toEqual([
        r.id,
        r.name ?? "",
        r.email ?? "",
        r.phone ?? "",
        r.address ?? "",
        "",
        r.company_name ?? "",
        JSON.stringify(r.tags),
        r.source,
        r.status,
        r.location_id,
        r.business_id,
        r.created_at,
        r.updated_at,
        "",
      ]);
    });
  });

  it("stdout: ndjson streamed, the list's filters sent as the spec names them", async () => {
    const before = server.requests.length;
    const result = await runCli(["export", "coax", "--base-url", server.url, "--format", "ndjson", "--q", "رضایی"], {
      env: env(),
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; name: string });
    const expected = Array.from({ length: RECORDS }, (_, i) => coaxRecord(i)).filter((r) => r.name?.includes("رضایی"));
    expect(lines.map((l) => l.id)).toEqual(expected.map((r) => r.id));
    expect(server.requests.slice(before).every((r) => new URL(r, "http://x").searchParams.get("q") === "رضایی")).toBe(true);
  });

  it("a 100,000-record export streams to the end", { timeout: 120_000 }, async () => {
    const big = await startCoaxServer({ records: 100_000, token: TOKEN });
    try {
      const out = join(dir, "big.ndjson");
      const result = await runCli(
        ["export", "coax", "--base-url", big.url, "--page-size", "1000", "--format", "ndjson", "--out", out],
        {
          env: env(),
          timeoutMs: 110_000,
        },
      );
      expect(result.code).toBe(0);
      const lines = readFileSync(out, "utf8").trimEnd().split("\n");
      expect(lines).toHaveLength(100_000);
      expect(JSON.parse(lines[99_999]!)).toEqual(await normalized(99_999));
    } finally {
      await big.close();
    }
  });
});

describe("export: interrupted, then --resume, equals an uninterrupted export", () => {
  const cases: [format: string, signal: NodeJS.Signals, extra: string[]][] = [
    ["ndjson", "SIGKILL", []],
    ["ndjson", "SIGINT", []],
    ["csv", "SIGKILL", []],
    ["csv", "SIGINT", ["--raw"]],
    ["json", "SIGKILL", []],
    ["json", "SIGINT", []],
  ];
  for (const [format, signal, extra] of cases) {
    it(`${format}${extra.length ? ` ${extra.join(" ")}` : ""} after ${signal}`, { timeout: 60_000 }, async () => {
      const whole = join(dir, `whole-${format}-${signal}${extra.join("")}.${format}`);
      const cut = join(dir, `cut-${format}-${signal}${extra.join("")}.${format}`);
      expect((await runCli(args("--format", format, "--out", whole, ...extra), { env: env() })).code).toBe(0);

      const child = spawnCli(args("--format", format, "--out", cut, ...extra), { env: env() });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on("close", (code, sig) => resolve({ code, signal: sig })),
      );
      const checkpoint = `${cut}.checkpoint.json`;
      // Interrupt once a few pages are on disk, well before the end.
      await waitFor(() => checkpointPages(checkpoint) >= 3, 15_000, "three pages");
      child.kill(signal);
      const end = await exited;
      const saved = JSON.parse(readFileSync(checkpoint, "utf8")) as {
        position: { records: number; pages: number };
        bytes: number;
        vendor: string;
        filters: unknown;
      };
      expect(saved.position.records).toBeGreaterThan(0);
      expect(saved.position.records).toBeLessThan(RECORDS);
      expect(saved.vendor).toBe("coax");
      if (signal === "SIGINT") {
        expect(end.code).toBe(130);
        expect(stderr).toContain("interrupted after");
        expect(stderr).toContain("--resume");
      } else {
        expect(end.signal).toBe("SIGKILL");
      }
      // Up to the checkpoint the file is the uninterrupted export's beginning, and for json a whole document.
      const partial = readFileSync(cut);
      expect(partial.subarray(0, saved.bytes).equals(readFileSync(whole).subarray(0, saved.bytes))).toBe(true);
      if (format === "json") {
        // What --resume keeps, the file up to the checkpoint with json's end, is a whole document of the checkpoint's records.
        const kept = JSON.parse(`${partial.subarray(0, saved.bytes).toString("utf8")}\n]\n`) as unknown[];
        expect(kept.length).toBe(saved.position.records);
        // The file itself is a whole document too. After SIGINT it holds just those records; a SIGKILL
        // between a page's write and its checkpoint leaves that page whole after them (resume cuts it).
        const written = (JSON.parse(partial.toString("utf8")) as unknown[]).length;
        if (signal === "SIGINT") expect(written).toBe(saved.position.records);
        else expect([0, PAGE_SIZE]).toContain(written - saved.position.records);
      }
      // A half-written page after the checkpoint (a crash mid-write) is cut on resume.
      if (signal === "SIGKILL") appendFileSync(cut, '{"half": "a page');

      const resumed = await runCli(args("--format", format, "--out", cut, "--resume", ...extra), {
        env: env(),
        timeoutMs: 30_000,
      });
      expect(resumed.stderr).toContain(`resumed after ${saved.position.records}`);
      expect(resumed.code).toBe(0);
      expect(readFileSync(cut).equals(readFileSync(whole))).toBe(true);
      expect(existsSync(checkpoint)).toBe(false);
    });
  }

  it("refuses a checkpoint from other filters, another format or another vendor, and a finished export", async () => {
    const out = join(dir, "refuse.ndjson");
    const child = spawnCli(args("--format", "ndjson", "--out", out), { env: env() });
    const exited = new Promise((resolve) => child.on("close", resolve));
    await waitFor(() => checkpointPages(`${out}.checkpoint.json`) >= 2, 15_000, "two pages");
    child.kill("SIGKILL");
    await exited;

    const otherFilter = await runCli(args("--format", "ndjson", "--out", out, "--resume", "--q", "Jane"), { env: env() });
    expect(otherFilter.code).toBe(2);
    expect(otherFilter.stderr).toMatch(
      /belongs to another export \(coax ndjson with filters \{"pageSize":50\}\), not this one \(coax ndjson with filters \{"pageSize":50,"q":"Jane"\}\)/,
    );
    const otherFormat = await runCli(args("--format", "csv", "--out", out, "--resume"), { env: env() });
    expect(otherFormat.code).toBe(2);
    expect(otherFormat.stderr).toContain("belongs to another export");
    const otherVendor = await runCli(
      [
        "export",
        "homele",
        "--token",
        "x-token",
        "--base-url",
        server.url,
        "--page-size",
        "50",
        "--format",
        "ndjson",
        "--out",
        out,
        "--resume",
      ],
      { env: env() },
    );
    expect(otherVendor.code).toBe(2);
    expect(otherVendor.stderr).toContain("(coax ndjson");
    expect(otherVendor.stderr).toContain("not this one (homele ndjson");
    // Starting again over an unfinished export needs --force.
    const fresh = await runCli(args("--format", "ndjson", "--out", out), { env: env() });
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toContain("unfinished export: continue it with --resume, or start over with --force");
    const forced = await runCli(args("--format", "ndjson", "--out", out, "--force"), { env: env() });
    expect(forced.code).toBe(0);
    const again = await runCli(args("--format", "ndjson", "--out", out, "--resume"), { env: env() });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("nothing to resume");
  });

  it("refuses to resume when the list changed under the checkpoint", async () => {
    const out = join(dir, "changed.ndjson");
    const checkpoint = `${out}.checkpoint.json`;
    expect((await runCli(args("--format", "ndjson", "--out", out, "--limit", "100"), { env: env() })).code).toBe(0);
    // A checkpoint that says the last record written was one the list no longer has there.
    writeFileSync(out, "");
    writeFileSync(
      checkpoint,
      JSON.stringify({
        kind: "customer-api export checkpoint v1",
        vendor: "coax",
        format: "ndjson",
        raw: false,
        filters: { pageSize: 50 },
        position: { pages: 1, records: 50, lastId: "gone" },
        bytes: 0,
        updatedAt: "",
      }),
    );
    const result = await runCli(args("--format", "ndjson", "--out", out, "--resume"), { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the list changed since the checkpoint");
  });
});
