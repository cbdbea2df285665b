/**
 * The size budget, checked by `pnpm test`: each vendor's one-line browser app must stay within its
 * start-up budget (gzip) from size-budgets.json. Sizes, unlike timings, do not depend on the
 * machine's load, so they can be asserted. Needs the packages built (`turbo run build`).
 */
import { readFileSync } from "node:fs";
import { vendorBundleSizes } from "./bundle.js";
import { kib } from "./harness.js";

const budgets = (
  JSON.parse(readFileSync(new URL("./size-budgets.json", import.meta.url), "utf8")) as {
    startGzipBytes: Record<string, number>;
  }
).startGzipBytes;

let over = 0;
const sizes = await vendorBundleSizes();
for (const size of sizes) {
  const budget = budgets[size.name];
  if (budget === undefined) {
    console.log(`size: ${size.name}: no budget in size-budgets.json`);
    over++;
    continue;
  }
  const ok = size.startGzip <= budget;
  if (!ok) over++;
  console.log(`size: ${size.name}: start-up ${kib(size.startGzip)} gzip (budget ${kib(budget)}) ${ok ? "ok" : "OVER BUDGET"}`);
}
for (const name of Object.keys(budgets)) {
  if (!sizes.some((s) => s.name === name)) {
    console.log(`size: ${name}: budgeted but not measured`);
    over++;
  }
}
console.log(`Sizes: ${sizes.length - over} passed, ${over} failed`);
process.exitCode = over > 0 ? 1 : 0;
