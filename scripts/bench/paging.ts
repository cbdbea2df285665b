/**
 * Paging at scale: every record of a long list from a loopback server in a child process, one
 * paging style per vendor that uses it, each variant in its own client process (its own heap and
 * peak RSS). Our `customers.list()` is timed against a hand-written `fetch` loop over the same
 * pages, with and without the vendor's normalizer. Then the same behind a fixed server latency,
 * against the physical limit: pages x latency, what a strictly sequential walk cannot beat, and
 * pages x latency / 4 for `concurrency: 4`.
 */
import { createCoaxClient, normalizeCoaxCustomer } from "@customer-api/coax";
import { createHomeleClient, normalizeHomeleCustomer } from "@customer-api/homele";
import { createPexipClient, normalizePexipCustomer } from "@customer-api/pexip";
import { CPU_TIMED, runInChild } from "./child.js";
import { firstQuery, itemsOf, nextQuery, type PagingStyle, pagingVendors } from "./fixtures.js";
import { count, mib, type Report, type Stats, seconds, stats, x } from "./harness.js";
import { startServer } from "./server.js";

type PagingVariant = "hand" | "handNormalized" | "ours" | "oursConcurrent";

const variantNames: Record<PagingVariant, string> = {
  hand: "hand-written `fetch` loop",
  handNormalized: "hand-written loop + normalizer",
  ours: "ours: `customers.list({ concurrency: 1 })`",
  oursConcurrent: "ours: `customers.list({ concurrency: 4 })`",
};

const CONCURRENCY = 4;
const PROBE_LATENCY_MS = 10;
const TOKEN = "1|bench";

interface WalkArgs {
  style: PagingStyle;
  variant: PagingVariant;
  url: string;
  pageSize: number;
  /** Stop early (the probe for `concurrency` support). */
  maxItems?: number;
}

interface WalkResult {
  ms: number;
  /** CPU time of the client process during the walk, plus the server's once the parent adds it. */
  cpuMs: number;
  items: number;
  peakRss: number;
  heapGrowth: number;
}

const normalizers: Record<PagingStyle, (record: unknown) => Promise<unknown>> = {
  cursor: normalizeHomeleCustomer,
  offset: normalizePexipCustomer,
  page: normalizeCoaxCustomer,
};

/** The vendor's client pointed at the bench server; no rate limit (the vendors' own would throttle the walk). */
function list(
  style: PagingStyle,
  url: string,
  params: { pageSize: number; concurrency?: number; maxItems?: number },
): AsyncIterable<unknown> {
  const common = { token: TOKEN, rateLimit: false as const };
  switch (style) {
    case "cursor":
      return createHomeleClient({ ...common, baseUrl: url }).customers.list(params);
    case "offset":
      return createPexipClient({ ...common, baseUrl: `${url}/enterprises/acme` }).customers.list(params);
    case "page":
      return createCoaxClient({ ...common, baseUrl: url }).customers.list(params);
  }
}

async function* handWritten(args: WalkArgs, normalize: boolean): AsyncGenerator<unknown> {
  const path = `${args.url}${pagingVendors[args.style].path}`;
  const headers = { authorization: `Bearer ${TOKEN}`, accept: "application/json" };
  let query: string | null = firstQuery(args.style, args.pageSize);
  for (let index = 0; query !== null; index++) {
    const res = await fetch(`${path}?${query}`, { headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    for (const item of itemsOf(args.style, body)) yield normalize ? await normalizers[args.style](item) : item;
    query = nextQuery(args.style, body, index, args.pageSize);
  }
}

/** The records a variant walks: our `list()`, or the hand-written loop. */
function records(args: WalkArgs): AsyncIterable<unknown> {
  return args.variant === "hand" || args.variant === "handNormalized"
    ? handWritten(args, args.variant === "handNormalized")
    : list(args.style, args.url, {
        pageSize: args.pageSize,
        maxItems: args.maxItems,
        // Sequential spelled out: Pexip's default is its documented 4 at once.
        concurrency: args.variant === "oursConcurrent" ? CONCURRENCY : 1,
      });
}

/** Runs in a child process: one walk over the whole list. */
export async function walk(args: WalkArgs): Promise<WalkResult> {
  const gc = globalThis.gc!;
  // One record first, untimed, the same way: what is timed is the walk, not loading its modules
  // (the paginator, a normalizer and its phone and country data) or opening the connection.
  for await (const _ of records({ ...args, maxItems: 1 })) break;
  const walked = records(args);
  gc();
  const heapStart = process.memoryUsage().heapUsed;
  let heapPeak = heapStart;
  let items = 0;
  let samplingCpuMicros = 0;
  let samplingMs = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for await (const record of walked) {
    if (items === args.maxItems) break;
    if ((record as { id?: unknown } | null)?.id === undefined) throw new Error(`${args.variant}: a record without id`);
    // Heap after GC every 2,500 records: what the walk retains, not garbage waiting for collection.
    // The sampling's forced GCs are the bench's own work, not the walk's: their time is left out.
    if (++items % 2_500 === 0) {
      const cpuBefore = process.cpuUsage();
      const before = performance.now();
      gc();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      const cpuSampling = process.cpuUsage(cpuBefore);
      samplingCpuMicros += cpuSampling.user + cpuSampling.system;
      samplingMs += performance.now() - before;
    }
  }
  const ms = performance.now() - start - samplingMs;
  const cpu = process.cpuUsage(cpuStart);
  return {
    ms,
    cpuMs: (cpu.user + cpu.system - samplingCpuMicros) / 1000,
    items,
    peakRss: process.resourceUsage().maxRSS * 1024,
    heapGrowth: heapPeak - heapStart,
  };
}

/**
 * Runs in a child process: plain `fetch` round trips to the first page, one after another (after
 * an untimed one), in ms each: what a page costs at least on this machine, whatever the client.
 */
export async function roundTrip(args: { style: PagingStyle; url: string; pageSize: number; count: number }): Promise<number> {
  const url = `${args.url}${pagingVendors[args.style].path}?${firstQuery(args.style, args.pageSize)}`;
  await (await fetch(url)).text();
  const start = performance.now();
  for (let i = 0; i < args.count; i++) await (await fetch(url)).text();
  return (performance.now() - start) / args.count;
}

const ROUND_TRIPS = 25;

export interface StyleFigures {
  style: PagingStyle;
  /** Each variant's median walk: by CPU time on loopback, by wall time behind latency (the figure each table gives). */
  results: Partial<Record<PagingVariant, WalkResult>>;
  /**
   * Loopback: each variant's CPU time over the hand loop + normalizer's *in the same round*, as
   * the per-request tables divide: one walk's CPU time drifts over minutes on a shared machine,
   * and a ratio of two medians taken minutes apart would carry that drift.
   */
  cpuRatios?: Partial<Record<PagingVariant, Stats>>;
  /** Behind latency: one plain `fetch` round trip to the server, in ms (the latency plus this machine's own share). */
  roundTripMs?: number;
  /** Most requests the server held at once during the concurrent walk. */
  concurrentInFlight?: number;
}

export interface PagingFigures {
  pages: number;
  latencyMs: number;
  styles: StyleFigures[];
}

const supportsConcurrency = (figures: StyleFigures) => (figures.concurrentInFlight ?? 0) > 2;

async function walkStyle(
  style: PagingStyle,
  pages: number,
  pageSize: number,
  latencyMs: number,
  variants: PagingVariant[],
  repeats: { all: number; concurrent: number },
): Promise<StyleFigures> {
  const server = await startServer({ paging: { style, pages, pageSize }, latencyMs });
  const figures: StyleFigures = { style, results: {} };
  try {
    if (latencyMs > 0)
      figures.roundTripMs = await runInChild<number>(import.meta.url, "roundTrip", {
        style,
        url: server.url,
        pageSize,
        count: ROUND_TRIPS,
      });
    if (variants.includes("oursConcurrent")) {
      // A short walk first: a full one is worth running only if `concurrency` is honoured. With
      // no latency the server answers each request before the next one arrives, so it could
      // never see two at once: that probe runs behind a server of its own with a little latency.
      const probe =
        latencyMs > 0 ? server : await startServer({ paging: { style, pages, pageSize }, latencyMs: PROBE_LATENCY_MS });
      try {
        await probe.maxInFlight(); // resets the count
        await runInChild<WalkResult>(import.meta.url, "walk", {
          style,
          variant: "oursConcurrent",
          url: probe.url,
          pageSize,
          maxItems: 10 * pageSize,
        });
        figures.concurrentInFlight = await probe.maxInFlight();
      } finally {
        if (probe !== server) await probe.stop();
      }
    }
    const measured = variants.filter((v) => v !== "oursConcurrent" || supportsConcurrency(figures));
    // Without latency the figure is CPU time; behind latency it is wall time, as a user sees it,
    // and the walk runs with Node's defaults.
    const setup = latencyMs > 0 ? undefined : CPU_TIMED;
    // Rounds of one walk a variant, in an order rotated each round: one walk's CPU time moves with
    // what the machine does meanwhile, the median of a few does not. The concurrent walk may get
    // rounds of its own: behind latency it is short, CPU-bound, and moves the most.
    const rounds: Partial<Record<PagingVariant, WalkResult>>[] = [];
    for (let round = 0; round < Math.max(repeats.all, repeats.concurrent); round++) {
      const inRound = measured.filter((v) => round < (v === "oursConcurrent" ? repeats.concurrent : repeats.all));
      const walked: Partial<Record<PagingVariant, WalkResult>> = {};
      for (let k = 0; k < inRound.length; k++) {
        const variant = inRound[(k + round) % inRound.length]!;
        const serverCpu = await server.cpuMicros();
        const walkArgs = { style, variant, url: server.url, pageSize };
        const result = await runInChild<WalkResult>(import.meta.url, "walk", walkArgs, setup);
        result.cpuMs += ((await server.cpuMicros()) - serverCpu) / 1000;
        if (result.items !== pages * pageSize) {
          throw new Error(`${style} ${variant}: walked ${result.items} records, expected ${pages * pageSize}`);
        }
        walked[variant] = result;
      }
      rounds.push(walked);
    }
    const by = latencyMs > 0 ? (r: WalkResult) => r.ms : (r: WalkResult) => r.cpuMs;
    for (const variant of measured) {
      const list = rounds.flatMap((r) => r[variant] ?? []).sort((a, b) => by(a) - by(b));
      figures.results[variant] = list[list.length >> 1]!;
    }
    if (latencyMs === 0 && measured.includes("handNormalized")) {
      figures.cpuRatios = {};
      for (const variant of measured) {
        const perRound = rounds.flatMap((r) => (r[variant] ? [r[variant].cpuMs / r.handNormalized!.cpuMs] : []));
        figures.cpuRatios[variant] = stats(perRound);
      }
    }
  } finally {
    await server.stop();
  }
  return figures;
}

function concurrentCell(style: StyleFigures, cell: (r: WalkResult) => string): string {
  if (style.style === "cursor") return "— (a cursor walk is sequential)";
  if (!supportsConcurrency(style))
    return `n/a (\`concurrency\` ignored: ${style.concurrentInFlight ?? "?"} request in flight at most)`;
  return cell(style.results.oursConcurrent!);
}

const PAGE_SIZE = 100;
const styles = Object.keys(pagingVendors) as PagingStyle[];

/** Every record of `pages` pages from a loopback server, each variant `repeats` times. */
export async function loopbackPaging(report: Report, sizes: { pages: number; repeats: number }): Promise<PagingFigures> {
  const loopback: PagingFigures = { pages: sizes.pages, latencyMs: 0, styles: [] };
  for (const style of styles) {
    const variants: PagingVariant[] = [
      "hand",
      "handNormalized",
      "ours",
      ...(style === "cursor" ? [] : ["oursConcurrent" as const]),
    ];
    const repeats = { all: sizes.repeats, concurrent: sizes.repeats };
    loopback.styles.push(await walkStyle(style, sizes.pages, PAGE_SIZE, 0, variants, repeats));
  }
  report.line(
    `### Paging: ${count(sizes.pages * PAGE_SIZE)} customers (${count(sizes.pages)} pages of ${PAGE_SIZE}) from a loopback server`,
  );
  report.line();
  report.table(
    [
      "style (vendor)",
      "variant",
      "median CPU time (client + server)",
      "CPU / hand loop + normalizer, same round: median",
      "min–max",
      "wall time",
      "peak RSS",
      "heap growth",
    ],
    loopback.styles.flatMap((s) => {
      const row = (v: PagingVariant, r: WalkResult | undefined) =>
        r === undefined
          ? null
          : [
              `${s.style} (${pagingVendors[s.style].vendor})`,
              variantNames[v],
              seconds(r.cpuMs),
              `**${x(s.cpuRatios![v]!.median)}**`,
              `${x(s.cpuRatios![v]!.min)}–${x(s.cpuRatios![v]!.max)}`,
              seconds(r.ms),
              mib(r.peakRss),
              mib(r.heapGrowth),
            ];
      const rows = (["hand", "handNormalized", "ours"] as const).map((v) => row(v, s.results[v])!);
      if (s.style !== "cursor") {
        rows.push(
          supportsConcurrency(s)
            ? row("oursConcurrent", s.results.oursConcurrent)!
            : [
                `${s.style} (${pagingVendors[s.style].vendor})`,
                variantNames.oursConcurrent,
                concurrentCell(s, () => ""),
                "n/a",
                "n/a",
                "n/a",
                "n/a",
                "n/a",
              ],
        );
      }
      return rows;
    }),
  );
  return loopback;
}

/**
 * The same behind a fixed server latency: one walk of each sequential variant, and
 * `concurrentRepeats` of `concurrency: 4` (median), in the styles where `loopback` found it honoured.
 */
export async function latencyPaging(
  report: Report,
  loopback: PagingFigures,
  sizes: { latencyPages: number; latencyMs: number; concurrentRepeats: number },
): Promise<PagingFigures> {
  const latency: PagingFigures = { pages: sizes.latencyPages, latencyMs: sizes.latencyMs, styles: [] };
  for (const style of styles) {
    const fromLoopback = loopback.styles.find((s) => s.style === style)!;
    const variants: PagingVariant[] = [
      "handNormalized",
      "ours",
      ...(supportsConcurrency(fromLoopback) ? ["oursConcurrent" as const] : []),
    ];
    const repeats = { all: 1, concurrent: sizes.concurrentRepeats };
    const figures = await walkStyle(style, sizes.latencyPages, PAGE_SIZE, sizes.latencyMs, variants, repeats);
    figures.concurrentInFlight ??= fromLoopback.concurrentInFlight;
    latency.styles.push(figures);
  }
  const limit = sizes.latencyPages * sizes.latencyMs;
  report.line(
    `### Paging behind ${sizes.latencyMs} ms of server latency: ${count(sizes.latencyPages)} pages of ${PAGE_SIZE}, physical limit ${seconds(limit)} (pages x latency), ${seconds(limit / CONCURRENCY)} at ${CONCURRENCY} in flight`,
  );
  report.line();
  report.table(
    [
      "style (vendor)",
      "hand loop + normalizer",
      "ours: `list({ concurrency: 1 })`",
      "ours / limit",
      `plain \`fetch\` round trip (of ${ROUND_TRIPS})`,
      "ours / (pages x round trip)",
      `ours: \`list({ concurrency: ${CONCURRENCY} })\` (median of ${sizes.concurrentRepeats})`,
      "rate / sequential `list()`",
      `rate / physical limit at ${CONCURRENCY}`,
    ],
    latency.styles.map((s) => {
      const speedUp = concurrentSpeedUp(latency, s);
      return [
        `${s.style} (${pagingVendors[s.style].vendor})`,
        `${seconds(s.results.handNormalized!.ms)} (${x(s.results.handNormalized!.ms / limit)})`,
        seconds(s.results.ours!.ms),
        `**${x(s.results.ours!.ms / limit)}**`,
        `${s.roundTripMs!.toFixed(1)} ms (${x(s.roundTripMs! / sizes.latencyMs)} the latency)`,
        x(s.results.ours!.ms / (sizes.latencyPages * s.roundTripMs!)),
        concurrentCell(s, (r) => `${seconds(r.ms)} (max ${s.concurrentInFlight} in flight at the server)`),
        speedUp ? `**${x(speedUp.overSequential)}**` : "—",
        speedUp ? `**${x(speedUp.ofLimit)}**` : "—",
      ];
    }),
  );
  return latency;
}

/**
 * What `concurrency: 4` gains behind latency, for a style that honoured it: its rate over the
 * sequential `list()`'s, and over the physical limit of 4 in flight (pages x latency / 4).
 */
export function concurrentSpeedUp(
  latency: PagingFigures,
  style: StyleFigures,
): { overSequential: number; ofLimit: number } | undefined {
  const concurrent = style.results.oursConcurrent;
  if (!concurrent) return undefined;
  return {
    overSequential: style.results.ours!.ms / concurrent.ms,
    ofLimit: (latency.pages * latency.latencyMs) / CONCURRENCY / concurrent.ms,
  };
}

/** Issue 17's targets for `concurrency: 4` behind latency, judged on the worst offset or page-number style. */
export function concurrentTargets(latency: PagingFigures): { summary: string; met: boolean } {
  const styles = latency.styles.filter((s) => s.style !== "cursor");
  const gains = styles.map((s) => concurrentSpeedUp(latency, s));
  if (gains.some((g) => g === undefined)) return { summary: "n/a: `concurrency` not honoured", met: false };
  const overSequential = Math.min(...gains.map((g) => g!.overSequential));
  const ofLimit = Math.min(...gains.map((g) => g!.ofLimit));
  return {
    summary: `worst style ${x(overSequential)} the sequential rate, ${x(ofLimit)} of the limit`,
    met: overSequential >= 3.5 && ofLimit >= 0.9,
  };
}
