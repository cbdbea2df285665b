/**
 * One closing line over every package's vitest run (the packages found in the workspace), the
 * scripts' unit tests, and the consumer, examples and release checks: "Tests: N passed, N failed"
 * (", N skipped" when any were).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, workspacePackages } from "./workspace.js";

const reports: [string, string][] = [
  ...workspacePackages()
    .filter((p) => typeof (p.manifest.scripts as Record<string, string> | undefined)?.test === "string")
    .map((p): [string, string] => [p.folder, join(p.dir, ".vitest", "report.json")]),
  ...["scripts", "consumer", "examples", "release"].map((p): [string, string] => [p, join(ROOT, ".vitest", `${p}-report.json`)]),
];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [p, file] of reports) {
  if (!existsSync(file)) {
    console.log(`${p}: no test report`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests?: number;
    numTodoTests?: number;
  };
  // A suite skips when what it needs is missing here (the Redis suites without redis-server).
  const skips = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${p}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skips ? `, ${skips} skipped` : ""}`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += skips;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = failed > 0 ? 1 : 0;
