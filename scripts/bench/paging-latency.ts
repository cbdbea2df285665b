/**
 * `pnpm bench:paging`: only the paging figures, with the full 1,000 pages behind 20 ms (a short
 * loopback walk first, which decides whether `concurrency: 4` is honoured). Prints the tables and
 * the `concurrency` target; BENCHMARKS.md is left to the full `pnpm bench`.
 */
import { loadavg } from "node:os";
import { Report } from "./harness.js";
import { concurrentTargets, latencyPaging, loopbackPaging } from "./paging.js";

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
const report = new Report();
report.line(`Load average at start (1, 5, 15 min): **${load()}**.`);
report.line();
const loopback = await loopbackPaging(report, { pages: 40, repeats: 1 });
const latency = await latencyPaging(report, loopback, { latencyPages: 1_000, latencyMs: 20, concurrentRepeats: 5 });
const target = concurrentTargets(latency);
report.line(
  `\`concurrency: 4\` target (>= 3.5x sequential, >= 0.9 of the limit): ${target.summary}: ${target.met ? "met" : "**not met**"}.`,
);
report.line(`Load average at end (1, 5, 15 min): **${load()}**.`);
