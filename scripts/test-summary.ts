/** One closing line over every package's vitest run: "Tests: N passed, N failed". */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../packages/", import.meta.url));
let passed = 0;
let failed = 0;
for (const p of ["core", "homele", "pexip", "shtara", "hamgam", "coax", "testkit"]) {
  const file = `${root}${p}/.vitest/report.json`;
  if (!existsSync(file)) {
    console.log(`${p}: no test report`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  console.log(`${p}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
