/**
 * `pnpm examples`: type-check examples/ and run each program against Prism mocks of the specs,
 * behind one local gateway (scripts/mock-server.ts), as a user would run it: a child process
 * given its token and base URL in the environment. Each run is checked for what it promises to show.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startMockGateway } from "@customer-api/testkit";
import { writeReport } from "./test-report.js";
import { vendorPackages } from "./workspace.js";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
// Every vendor in the workspace that has an example program.
const vendors = vendorPackages()
  .map((pkg) => pkg.vendor)
  .filter((vendor) => existsSync(join(root, "examples", `${vendor}.ts`)));
const work = mkdtempSync(join(tmpdir(), "customer-api-examples-"));

// Checks run at once (each is mostly a process starting) and report in the order they were named.
const checks: Promise<string>[] = [];
function check(name: string, fn: () => Promise<string>) {
  checks.push(
    fn().then(
      (summary) => `  ok   ${name}: ${summary}`,
      (error: { stdout?: string; stderr?: string; message?: string }) =>
        `  FAIL ${name}\n${[error.message, error.stdout, error.stderr].filter(Boolean).join("\n")}`,
    ),
  );
}
const expectLine = (out: string, pattern: RegExp, what: string) => {
  const line = out.split("\n").find((l) => pattern.test(l));
  if (!line) throw new Error(`no line showing ${what} (${pattern})\n${out}`);
  return line;
};

let passed = 0;
let failed = 0;
const gateway = await startMockGateway(vendors);
try {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), SYNC_MAX_ITEMS: "2" };
  for (const v of vendors) {
    env[`${v.toUpperCase()}_TOKEN`] = "example-token";
    env[`${v.toUpperCase()}_BASE_URL`] = `${gateway.url}/${v}`;
  }
  const run = (file: string, args: string[] = []) =>
    exec(process.execPath, ["--import", "tsx", join("examples", file), ...args], { cwd: root, env, timeout: 60_000 }).then(
      (r) => r.stdout,
    );

  console.log("examples against Prism mocks:");
  check("examples type-check", async () => {
    await exec(
      process.execPath,
      [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "examples/tsconfig.json", "--noEmit"],
      { cwd: root, timeout: 120_000 },
    );
    return "tsc -p examples";
  });
  for (const v of vendors) {
    check(`examples/${v}.ts`, async () => {
      const before = gateway.calls[v]!;
      const out = await run(`${v}.ts`);
      expectLine(out, /^get: \S+/, "a customer read by id");
      const listed = expectLine(out, /^list: [1-9]\d* customers$/, "a listing");
      const pages = out.split("\n").filter((l) => /^page: [1-9]\d* customers$/.test(l));
      if (!pages.length) throw new Error(`no page walked\n${out}`);
      const error = expectLine(out, /^errors: 404 NotFoundError: \S/, "a missing customer as NotFoundError");
      if (gateway.calls[v]! <= before) throw new Error("no request reached the mock");
      return `${listed.slice(6)}, ${pages.length} page(s), ${error.slice(8)}`;
    });
  }
  check("examples/sync-all.ts", async () => {
    const file = join(work, "customers.ndjson");
    const out = await run("sync-all.ts", [file]);
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    const customers = lines.map((l) => JSON.parse(l) as { vendor: string; id: string });
    for (const c of customers)
      if (typeof c.id !== "string" || !c.id || !vendors.includes(c.vendor))
        throw new Error(`not a Customer: ${JSON.stringify(c)}`);
    const seen = new Set(customers.map((c) => c.vendor));
    for (const v of vendors) if (!seen.has(v)) throw new Error(`no ${v} customer in the file\n${out}`);
    return `${customers.length} customers from ${seen.size} vendors in one NDJSON file`;
  });
  for (const line of await Promise.all(checks)) {
    console.log(line);
    if (line.startsWith("  ok")) passed++;
    else failed++;
  }
} finally {
  await gateway.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
writeReport("examples", passed, failed);
process.exitCode = failed ? 1 : 0;
// Prism keeps handles open; the verdict is in, so end here.
process.exit();
