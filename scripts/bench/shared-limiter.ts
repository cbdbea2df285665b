/**
 * What sharing the rate limit through Redis costs per call: `@customer-api/redis`'s own bench
 * (interleaved rounds, in-memory limiter against the Redis one, on a redis-server it starts and
 * stops), run as a child process and reported here. Skipped, and said so, where no redis-server is installed.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Report } from "./harness.js";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));

interface Ratio {
  ratio: { min: number; median: number; max: number };
  memoryUsMedian: number;
  redisUsMedian: number;
}

export async function sharedLimiter(report: Report, options: { rounds: number; calls: number }): Promise<void> {
  report.line("### Shared limiter: Redis against the in-memory limiter");
  report.line();
  try {
    await exec("redis-server", ["--version"]);
  } catch {
    report.line("Skipped: no `redis-server` on this machine.");
    report.line();
    return;
  }
  const { stdout } = await exec(
    process.execPath,
    [
      "--import",
      "tsx",
      "packages/redis/bench/overhead.ts",
      "--json",
      "--rounds",
      String(options.rounds),
      "--calls",
      String(options.calls),
    ],
    { cwd: root, timeout: 600_000 },
  );
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { limiter: Ratio; client: Ratio };
  const f = (n: number) => `${n.toFixed(2)}x`;
  const row = (name: string, r: Ratio) => [
    name,
    `**${f(r.ratio.median)}**`,
    f(r.ratio.min),
    f(r.ratio.max),
    `${r.memoryUsMedian.toFixed(1)} µs`,
    `${r.redisUsMedian.toFixed(1)} µs`,
  ];
  report.line(
    `${options.rounds} rounds of ${options.calls} calls, in-memory and Redis alternating (the order swapped each round); ` +
      "ratio = Redis time / in-memory time per client call (1.00x = no cost), limits far above the load so that neither waits.",
  );
  report.line();
  report.table(
    ["measure", "median", "min", "max", "in-memory per call", "Redis per call"],
    [row("client `GET` over loopback", result.client)],
  );
  // The limiter alone costs the in-memory one a couple of microseconds: a ratio to that moves with
  // every scheduler tick, so what a shared acquire costs is given as time, not as a ratio.
  report.line(
    `\`acquire()\` + release alone: ${result.limiter.redisUsMedian.toFixed(0)} µs a call through Redis (one round trip to a ` +
      `local redis-server and its script), ${result.limiter.memoryUsMedian.toFixed(1)} µs in memory (medians).`,
  );
  report.line();
}
