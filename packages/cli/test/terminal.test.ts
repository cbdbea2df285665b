/** Terminal mode, under a pseudo-terminal made by `script`: a table by default, a live progress line. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, type CoaxServer, cleanEnv, runCli, startCoaxServer } from "./helpers.js";

const TOKEN = "coax-tty-key-55aa11";
let server: CoaxServer;
let dir: string;

beforeAll(async () => {
  server = await startCoaxServer({ records: 400, token: TOKEN, pageDelayMs: 60 });
  dir = mkdtempSync(join(tmpdir(), "customer-api-tty-"));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/** Run the CLI with a terminal for stdin, stdout and stderr; returns all it drew. */
function inTerminal(args: string[], timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, CLI, ...args].map(quote).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      env: cleanEnv({ COAX_API_KEY: TOKEN, COLUMNS: "200", TERM: "xterm" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out in the terminal: ${output}`));
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("in a terminal", () => {
  it("list prints a table", async () => {
    const { code, output } = await inTerminal(["list", "coax", "--base-url", server.url, "--limit", "3"]);
    expect(code).toBe(0);
    expect(output).toMatch(/┌─+┬/);
    expect(output).toMatch(/│ 00000000-0000-4000-8000-000000000000 │ Jane Citizen\s+│/);
    expect(output).toContain("3 coax customers");
  });

  it("export draws a progress line (records, pages, rate, elapsed) on stderr", async () => {
    const out = join(dir, "tty.ndjson");
    const { code, output } = await inTerminal([
      "export",
      "coax",
      "--base-url",
      server.url,
      "--page-size",
      "20",
      "--format",
      "ndjson",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(output).toMatch(/exporting \d+ records \| \d+ pages \| \d+ records\/s \| 0:\d\d/);
    expect(output).toContain(`exported 400 coax customers (20 pages) to ${out}`);
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(400);
  });

  it("no progress line when stderr is not a terminal", async () => {
    const out = join(dir, "pipe.ndjson");
    const result = await runCli(
      ["export", "coax", "--base-url", server.url, "--page-size", "50", "--format", "ndjson", "--out", out],
      { env: { COAX_API_KEY: TOKEN } },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("exporting");
    expect(result.stderr).toBe(
      `exported 400 coax customers (8 pages) to ${out} in ${/in ([\d.]+) s/.exec(result.stderr)![1]} s\n`,
    );
  });
});
