import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalizeCoaxCustomer } from "@customer-api/coax";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CoaxServer, coaxRecord, runCli, startCoaxServer } from "./helpers.js";

const TOKEN = "coax-secret-9d81f2e4";
let server: CoaxServer;
let dir: string;
const env = { COAX_API_KEY: TOKEN };
const coax = (command: string, ...rest: string[]) => [command, "coax", ...rest, "--base-url", server.url];
const idOf = (i: number) => coaxRecord(i).id;

beforeAll(async () => {
  server = await startCoaxServer({ records: 45, token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), "customer-api-cli-"));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("--help", () => {
  it("lists the commands, every vendor's environment variables and the exit codes", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["vendors", "get", "list", "export"]) expect(result.stdout).toContain(command);
    for (const name of [
      "HOMELE_TOKEN",
      "HAMGAM_TOKEN",
      "HAMGAM_BASE_URL",
      "SHTARA_TOKEN",
      "SHTARA_CLIENT_ID",
      "SHTARA_CLIENT_SECRET",
      "SHTARA_REFRESH_TOKEN",
      "PEXIP_CLIENT_ID",
      "PEXIP_CLIENT_SECRET",
      "PEXIP_TOKEN",
      "COAX_API_KEY",
    ]) {
      expect(result.stdout).toContain(name);
    }
    for (const code of [
      "2    configuration",
      "3    authentication",
      "4    permission",
      "5    not found",
      "6    rate limited",
      "7    network",
      "8    invalid response",
      "130  interrupted",
    ]) {
      expect(result.stdout).toContain(code);
    }
  });

  it("list --help lists each vendor's filters from its spec, and the connection flags", async () => {
    const result = await runCli(["list", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Filters for homele \(from each vendor's spec\):[\s\S]*--lead-status-id <value>[\s\S]*sends\s+filter\[lead_status\.id\]\[\]/,
    );
    expect(result.stdout).toMatch(/--date-from <value>[\s\S]*sends\s+filter\[date_from\]\s+\(homele\),\s+date_from\s+\(shtara\)/);
    expect(result.stdout).toMatch(/Filters for hamgam[\s\S]*--has-email \[true\|false\][\s\S]*--gender <value>/);
    expect(result.stdout).toMatch(/Filters for homele, shtara[\s\S]*--date-from <value>/);
    expect(result.stdout).toMatch(/Filters for coax[\s\S]*--q <value>/);
    for (const flag of [
      "--token",
      "--client-id",
      "--client-secret",
      "--refresh-token",
      "--base-url",
      "--enterprise",
      "--environment",
      "--location-id",
      "--accept-language",
      "--mock",
      "--raw",
      "--verbose",
      "--limit",
      "--page-size",
      "--output",
    ]) {
      expect(result.stdout).toContain(flag);
    }
    // Paging parameters are the paginator's, not filters.
    expect(result.stdout).not.toContain("--cursor");
    expect(result.stdout).not.toContain("--offset");
  });

  it("export --help shows the formats and resume flags", async () => {
    const result = await runCli(["export", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--format <format>");
    expect(result.stdout).toMatch(/choices: "ndjson",\s+"csv", "json"/);
    for (const flag of ["--out <file>", "--resume", "--force", "--keyword <value>"]) expect(result.stdout).toContain(flag);
  });

  it("--version prints the package version", async () => {
    const result = await runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("vendors", () => {
  it("piped: one JSON line per vendor with its environment and filters", async () => {
    const result = await runCli(["vendors"]);
    expect(result.code).toBe(0);
    const rows = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { vendor: string; environment: string[]; filters: string[] });
    expect(rows.map((r) => r.vendor)).toEqual(["homele", "pexip", "shtara", "hamgam", "coax"]);
    expect(rows.find((r) => r.vendor === "hamgam")!.filters).toContain("--has-email");
    expect(rows.find((r) => r.vendor === "coax")!.environment).toEqual(["COAX_API_KEY", "COAX_LOCATION_ID", "COAX_BASE_URL"]);
  });

  it("--output table and json", async () => {
    const table = await runCli(["vendors", "--output", "table"]);
    expect(table.stdout).toContain("│ homele");
    const json = await runCli(["vendors", "--output", "json"]);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(5);
  });
});

describe("get", () => {
  it("prints the normalized customer as JSON when piped", async () => {
    const result = await runCli(coax("get", idOf(7)), { env });
    expect(result.code).toBe(0);
    const { raw: _, ...expected } = await normalizeCoaxCustomer(coaxRecord(7));
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });

  it("--raw prints the vendor's record; --output json pretty-prints it", async () => {
    const result = await runCli([...coax("get", idOf(3)), "--raw", "--output", "json"], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n  "id": ');
    expect(JSON.parse(result.stdout)).toEqual(coaxRecord(3));
  });

  it("--output table shows the fields one per row", async () => {
    const result = await runCli([...coax("get", idOf(0)), "--output", "table"], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ name\s+│ Jane Citizen/);
    expect(result.stdout).toMatch(/│ company\s+│ شركة 0/);
  });

  it("takes the credential from --token as well as from the environment", async () => {
    const result = await runCli([...coax("get", idOf(1)), "--token", TOKEN]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).id).toBe(idOf(1));
  });

  it("sends --location-id as the client's location", async () => {
    const before = server.requests.length;
    const result = await runCli([...coax("get", idOf(1)), "--location-id", "11111111-2222-4333-8444-555555555555"], { env });
    expect(result.code).toBe(0);
    expect(server.requests.slice(before).join(" ")).toContain("location_id=11111111-2222-4333-8444-555555555555");
  });
});

describe("list", () => {
  it("piped: NDJSON of every customer, page after page", async () => {
    const result = await runCli([...coax("list"), "--page-size", "10"], { env });
    expect(result.code).toBe(0);
    const ids = result.stdout
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: 45 }, (_, i) => idOf(i)));
  });

  it("--limit stops early; --output json is one document; --raw gives vendor records", async () => {
    const result = await runCli([...coax("list"), "--limit", "12", "--page-size", "5", "--output", "json", "--raw"], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(Array.from({ length: 12 }, (_, i) => coaxRecord(i)));
  });

  it("--output table shows the short columns and a count", async () => {
    const result = await runCli([...coax("list"), "--limit", "3", "--output", "table"], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ id\s+│ name\s+│ email\s+│ phone\s+│ company\s+│ city\s+│ country\s+│ updated/);
    expect(result.stdout).toContain("3 coax customers");
  });

  it("a vendor's filter reaches the request under the spec's name", async () => {
    const before = server.requests.length;
    const result = await runCli([...coax("list"), "--q", "Jane"], { env });
    expect(result.code).toBe(0);
    const names = result.stdout
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { name: string }).name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n === "Jane Citizen")).toBe(true);
    expect(server.requests.slice(before).every((r) => r.includes("q=Jane"))).toBe(true);
  });

  it("typed filters: hamgam's booleans and enums, homele's repeatable ids", async () => {
    // Requests go to a closed port: the request shape is checked by the failure, not by a vendor.
    const port = await closedPort();
    const hamgam = await runCli(
      [
        "list",
        "hamgam",
        "--has-email",
        "--gender",
        "female",
        "--retries",
        "0",
        "--verbose",
        "--base-url",
        `http://127.0.0.1:${port}`,
      ],
      { env: { HAMGAM_TOKEN: "hamgam-secret-1" } },
    );
    expect(hamgam.code).toBe(7);
    expect(hamgam.stderr).toMatch(/hamgam GET \/api\/customers\?[^ ]*has_email=true[^ ]*gender=female/);
    const homele = await runCli(
      [
        "list",
        "homele",
        "--lead-status-id",
        "3",
        "--lead-status-id",
        "4",
        "--retries",
        "0",
        "--verbose",
        "--no-rate-limit",
        "--base-url",
        `http://127.0.0.1:${port}`,
      ],
      { env: { HOMELE_TOKEN: "homele-secret-1" } },
    );
    expect(homele.code).toBe(7);
    expect(decodeURIComponent(homele.stderr)).toContain("filter[lead_status.id][]=3&filter[lead_status.id][]=4");
  });

  it("rejects a filter of another vendor, a bad value and an unknown choice (exit 2)", async () => {
    const other = await runCli([...coax("list"), "--has-email"], { env });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("--has-email is not a coax filter (it belongs to hamgam)");
    const notInteger = await runCli(["list", "homele", "--priority-id", "high", "--token", "x-token"]);
    expect(notInteger.code).toBe(2);
    expect(notInteger.stderr).toContain('--priority-id takes a whole number, not "high"');
    // Gender is open text in Hamgam's docs ("male, female, etc."); ordering is a closed list.
    const notChoice = await runCli(["list", "hamgam", "--ordering", "robot"]);
    expect(notChoice.code).toBe(2);
    expect(notChoice.stderr).toContain("Allowed choices are");
  });
});

describe("exit codes: one per error class", () => {
  const cases: [string, string[], number, RegExp][] = [
    ["authentication", ["--token", "wrong-key-1234"], 3, /coax: authentication failed \(HTTP 401\)/],
    ["permission", [], 4, /coax: permission denied \(HTTP 403\): forced 403/],
    ["not found", [], 5, /coax: not found \(HTTP 404\): Customer not found/],
    ["rate limited", ["--retries", "0"], 6, /coax: rate limited \(HTTP 429\)/],
    ["invalid response", [], 8, /coax: invalid response/],
    ["other API error", ["--retries", "0"], 9, /coax: API error \(HTTP 500\)/],
    ["network (dropped connection)", ["--retries", "0"], 7, /coax: network error/],
    ["network (timeout)", ["--retries", "0", "--timeout", "300"], 7, /coax: network error/],
  ];
  const ids: Record<string, string> = {
    authentication: idOf(0),
    permission: "status-403",
    "not found": "00000000-0000-4000-8000-000000009999",
    "rate limited": "status-429",
    "invalid response": "html",
    "other API error": "status-500",
    "network (dropped connection)": "drop",
    "network (timeout)": "slow",
  };
  for (const [name, extra, code, message] of cases) {
    it(`${name}: exit ${code} and one line`, async () => {
      const result = await runCli([...coax("get", ids[name]!), ...extra], { env });
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stdout).toBe("");
    });
  }

  it("configuration: a missing credential, an unknown vendor, a flag the vendor does not take, an unknown flag (exit 2)", async () => {
    const missing = await runCli(coax("get", idOf(0)));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("customer-api: coax: missing --token (or COAX_API_KEY)\n");
    const hamgam = await runCli(["get", "hamgam", "1", "--token", "x-token"]);
    expect(hamgam.code).toBe(2);
    expect(hamgam.stderr).toContain("hamgam: missing --base-url (or HAMGAM_BASE_URL)");
    const unknown = await runCli(["get", "acme", "1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown vendor "acme": choose one of homele, pexip, shtara, hamgam, coax');
    const notApplicable = await runCli([...coax("get", idOf(0)), "--enterprise", "acme"], { env });
    expect(notApplicable.code).toBe(2);
    expect(notApplicable.stderr).toContain("--enterprise does not apply to coax");
    const badFlag = await runCli([...coax("get", idOf(0)), "--colour"], { env });
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("unknown option '--colour'");
    const pexip = await runCli(["get", "pexip", "1", "--token", "x-token", "--environment", "staging"]);
    expect(pexip.code).toBe(2);
    expect(pexip.stderr).toContain('`environment` must be "production" or "development"');
    const shtara = await runCli([
      "get",
      "shtara",
      "1",
      "--client-id",
      "id",
      "--client-secret",
      "shtara-secret-1",
      "--refresh-token",
      "refresh-secret-1",
    ]);
    expect(shtara.code).toBe(2);
    expect(shtara.stderr).toContain("SHTARA_TOKENS_FILE");
    expect(shtara.stderr).not.toContain("shtara-secret-1");
  });
});

describe("credentials never appear", () => {
  it("not in errors, not in --verbose, even when the server echoes the key", async () => {
    const wrong = "wrong-key-abcdef123";
    const result = await runCli([...coax("get", idOf(0)), "--verbose", "--token", wrong]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/coax GET \/api\/v2\/customers\/[^ ]+ -> 401 \(attempt 1, \d+ ms/);
    expect(`${result.stdout}${result.stderr}`).not.toContain(wrong);
    expect(result.stderr).toContain("[REDACTED]");
  });

  it("not in --verbose lines of a whole export, nor in an exported file's messages", async () => {
    const out = join(dir, "verbose.ndjson");
    const result = await runCli([...coax("export"), "--format", "ndjson", "--out", out, "--verbose", "--page-size", "20"], {
      env,
    });
    expect(result.code).toBe(0);
    const attempts = result.stderr.split("\n").filter((l) => l.startsWith("coax GET /api/v2/customers?"));
    expect(attempts).toHaveLength(3);
    expect(attempts[0]).toMatch(/-> 200 \(attempt 1, \d+ ms\)$/);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it("--verbose shows each retry's wait", async () => {
    const result = await runCli([...coax("get", "status-503"), "--verbose", "--retries", "2"], { env });
    expect(result.code).toBe(9);
    const lines = result.stderr.split("\n").filter((l) => l.startsWith("coax GET"));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/-> 503 \(attempt 2, \d+ ms, waited \d+ ms\)/);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it("a shtara refresh token and client secret stay out of every message", async () => {
    const tokens = join(dir, "tokens.json");
    writeFileSync(tokens, "not json");
    const result = await runCli([
      "get",
      "shtara",
      "1",
      "--client-id",
      "id",
      "--client-secret",
      "shtara-client-secret",
      "--refresh-token",
      "shtara-refresh-secret",
      "--tokens-file",
      tokens,
      "--verbose",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not a saved token set");
    expect(result.stderr).not.toMatch(/shtara-(client|refresh)-secret/);
  });
});

/** A port with nothing listening: connections are refused. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
