/**
 * Interleaved rounds and their statistics. On a shared machine the speed of the whole process
 * drifts by more than the effects measured here, so no variant is timed apart from its baseline:
 * every round runs each variant for one short batch, in an order rotated from round to round, after
 * a forced GC, and each variant's rate is divided by the baseline's rate of the same round.
 */

export interface Variant {
  name: string;
  /** One operation; awaited before the next starts (one request at a time, as a caller would). */
  run(): Promise<unknown> | unknown;
}

export interface RoundsOptions {
  rounds: number;
  /** How long each variant runs in each round, on `clock`. */
  batchMs: number;
  /** Rounds run first and thrown away (JIT warm-up, lazy imports, connection set-up). */
  warmupRounds?: number;
  /**
   * Batch length of a warm-up round. Long enough that every variant runs its code through the
   * JIT's tiers before anything counts; a short counted batch of cold code would make the
   * first rounds slower than the last ones.
   */
  warmupMs?: number;
  /**
   * What a batch lasts and a rate is per: `wall` seconds, or `cpu` seconds this process (and
   * `otherCpu`) ran. CPU time leaves out the time the scheduler gave to other processes, which on
   * a loaded machine is most of the wall time and varies from batch to batch; a batch on the CPU
   * clock holds the same amount of work however loaded the machine is.
   */
  clock?: "wall" | "cpu";
  /** With `clock: "cpu"`: CPU microseconds used so far by a process the work depends on (the server). */
  otherCpu?: () => Promise<number>;
}

export interface Stats {
  min: number;
  median: number;
  max: number;
}

export interface VariantResult {
  name: string;
  /** Operations per second per round, in round order. */
  rates: number[];
  /** The baseline's rate in the same rounds, so that results of several processes pool by round. */
  baselineRates: number[];
  /** Operations per wall-clock second per round. */
  wallRates: number[];
  /** Rate / the baseline's rate in the same round. */
  ratio: Stats;
  rate: Stats;
  /** Operations per wall-clock second, whatever `clock` says. */
  wallRate: Stats;
}

const gc = (): void => {
  if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");
  globalThis.gc();
};

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

async function batch(variant: Variant, ms: number, options: RoundsOptions): Promise<{ rate: number; wallRate: number }> {
  gc();
  let ops = 0;
  const onCpu = options.clock === "cpu";
  const otherStart = onCpu ? await options.otherCpu?.() : undefined;
  const otherNow = async () => (otherStart === undefined ? 0 : (await options.otherCpu!()) - otherStart);
  const cpuStart = process.cpuUsage();
  const cpuMicros = () => {
    const cpu = process.cpuUsage(cpuStart);
    return cpu.user + cpu.system;
  };
  const start = performance.now();
  let spent = 0;
  // Read the clock every 16 operations: cheap next to a request, fine-grained enough for a batch.
  // The other process's CPU is read only at the end (a message round trip); the batch runs until
  // this process alone has used `ms`, a little longer in total when the server's time is added.
  while (spent < ms) {
    for (let i = 0; i < 16; i++) await variant.run();
    ops += 16;
    spent = onCpu ? cpuMicros() / 1000 : performance.now() - start;
  }
  const wallRate = (ops * 1000) / (performance.now() - start);
  if (!onCpu) return { rate: wallRate, wallRate };
  return { rate: (ops * 1e6) / (cpuMicros() + (await otherNow())), wallRate };
}

/** Runs `variants` (the first is the baseline) in rotated order, round by round. */
export async function interleaved(variants: readonly Variant[], options: RoundsOptions): Promise<VariantResult[]> {
  const rates: number[][] = variants.map(() => []);
  const wallRates: number[][] = variants.map(() => []);
  const total = (options.warmupRounds ?? 1) + options.rounds;
  for (let round = 0; round < total; round++) {
    const counted = round >= total - options.rounds;
    for (let k = 0; k < variants.length; k++) {
      const index = (k + round) % variants.length;
      const ms = counted ? options.batchMs : (options.warmupMs ?? options.batchMs);
      const { rate, wallRate } = await batch(variants[index]!, ms, options);
      if (counted) {
        rates[index]!.push(rate);
        wallRates[index]!.push(wallRate);
      }
    }
  }
  return variants.map((variant, index) => summarize(variant.name, rates[index]!, rates[0]!, wallRates[index]!));
}

function summarize(name: string, rates: number[], baselineRates: number[], wallRates: number[]): VariantResult {
  return {
    name,
    rates,
    baselineRates,
    wallRates,
    rate: stats(rates),
    wallRate: stats(wallRates),
    ratio: stats(rates.map((rate, round) => rate / baselineRates[round]!)),
  };
}

/**
 * The rounds of several processes as one run: a process's JIT and heap settle differently from
 * another's, which shifts all of its rounds alike; pooling the per-round ratios of a few
 * processes keeps that from moving the median from one run to the next.
 */
export function pooled(runs: readonly VariantResult[][]): VariantResult[] {
  return runs[0]!.map((first, index) =>
    summarize(
      first.name,
      runs.flatMap((run) => run[index]!.rates),
      runs.flatMap((run) => run[index]!.baselineRates),
      runs.flatMap((run) => run[index]!.wallRates),
    ),
  );
}

// Formatting ------------------------------------------------------------------------------------

export const x = (ratio: number): string => `${ratio.toFixed(2)}x`;
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const count = (n: number): string => Math.round(n).toLocaleString("en");

/** Everything the bench prints goes through here, so BENCHMARKS.md holds exactly what was printed. */
export class Report {
  readonly lines: string[] = [];
  line(text = ""): void {
    this.lines.push(text);
    console.log(text);
  }
  table(header: readonly string[], rows: readonly (readonly string[])[]): void {
    this.line(`| ${header.join(" | ")} |`);
    this.line(`|${header.map(() => "---").join("|")}|`);
    for (const row of rows) this.line(`| ${row.join(" | ")} |`);
    this.line();
  }
}
