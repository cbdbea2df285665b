/**
 * One closing line over every package's vitest run, the scripts' unit tests, and the consumer,
 * examples and release checks: "Tests: N passed, N failed" (", N skipped" when any were).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const reports: [string, string][] = [
  ...["core", "homele", "pexip", "shtara", "hamgam", "coax", "redis", "cli", "testkit"].map((p): [string, string] => [p, `${root}packages/${p}/.vitest/report.json`]),
  ...["scripts", "consumer", "examples", "release"].map((p): [string, string] => [p, `${root}.vitest/${p}-report.json`]),
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
