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
  /** How long each variant runs in each round. */
  batchMs: number;
  /** Rounds run first and thrown away (JIT warm-up, lazy imports, connection set-up). */
  warmupRounds?: number;
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
  /** Rate / the baseline's rate in the same round. */
  ratio: Stats;
  rate: Stats;
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

async function batch(variant: Variant, ms: number): Promise<number> {
  gc();
  let ops = 0;
  const start = performance.now();
  const end = start + ms;
  let now = start;
  // Read the clock every 16 operations: cheap next to a request, fine-grained enough for a batch.
  while (now < end) {
    for (let i = 0; i < 16; i++) await variant.run();
    ops += 16;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

/** Runs `variants` (the first is the baseline) in rotated order, round by round. */
export async function interleaved(variants: readonly Variant[], options: RoundsOptions): Promise<VariantResult[]> {
  const rates: number[][] = variants.map(() => []);
  const total = (options.warmupRounds ?? 1) + options.rounds;
  for (let round = 0; round < total; round++) {
    const counted = round >= total - options.rounds;
    for (let k = 0; k < variants.length; k++) {
      const index = (k + round) % variants.length;
      const rate = await batch(variants[index]!, options.batchMs);
      if (counted) rates[index]!.push(rate);
    }
  }
  return variants.map((variant, index) => ({
    name: variant.name,
    rates: rates[index]!,
    rate: stats(rates[index]!),
    ratio: stats(rates[index]!.map((rate, round) => rate / rates[0]![round]!)),
  }));
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
