/** The script runners' results, in the shape vitest's JSON report has, for scripts/test-summary.ts. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../.vitest/", import.meta.url));

export function writeReport(name: string, passed: number, failed: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}-report.json`), JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
}
