/**
 * `pnpm bench` (`--quick`: fewer rounds, fewer calls, fewer pages, no cold build). Prints a
 * Markdown report and writes exactly that to BENCHMARKS.md. One module per measurement; this file
 * only orders them and states the method beside the figures.
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { buildAndTypes } from "./build-types.js";
import { type BundleSize, libraryBundleSizes, vendorBundleSizes } from "./bundle.js";
import { benchCpu } from "./cpu-pinning.js";
import { kib, mib, Report, stats, type VariantResult, x } from "./harness.js";
import { memory } from "./memory.js";
import { PerRequestOverhead } from "./overhead.js";
import { concurrentTargets, latencyPaging, loopbackPaging } from "./paging.js";
import { sharedLimiter } from "./shared-limiter.js";

const quick = process.argv.includes("--quick");
const settings = quick
  ? {
      rounds: { rounds: 11, batchMs: 80, warmupRounds: 1, warmupMs: 300 },
      memoryCalls: 5_000,
      pages: 40,
      latencyPages: 20,
      tscRuns: 1,
      coldBuild: false,
      slices: 1,
      slowProcessRetries: 0,
      pagingRepeats: 1,
      concurrentRepeats: 1,
    }
  : {
      // Bare openapi-fetch over the stub was still speeding up after 1.2 s of CPU time.
      rounds: { rounds: 11, batchMs: 300, warmupRounds: 1, warmupMs: 1_500 },
      memoryCalls: 50_000,
      pages: 1_000,
      latencyPages: 1_000,
      tscRuns: 3,
      coldBuild: true,
      slices: 4,
      slowProcessRetries: 2,
      pagingRepeats: 9,
      concurrentRepeats: 5,
    };
const LATENCY_MS = 20;
/**
 * Where the per-request slices run, in this order, as many as `settings.slices`: the machine's
 * speed drifts over minutes, and slices spread over the run average that drift.
 */
const slicePoints = ["at the start", "after the loopback paging", "after the paging behind latency", "at the end"] as const;
const budgets = { homele: 8 * 1024, other: 8.5 * 1024 };

const report = new Report();
const sectionStart = { at: Date.now() };
/** How long the section just printed took, so a slow `--quick` run shows where the time went. */
const took = () => {
  report.line(`(${Math.round((Date.now() - sectionStart.at) / 1000)} s)`);
  report.line();
  sectionStart.at = Date.now();
};
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
const started = Date.now();

report.line("# Benchmarks");
report.line();
report.line(
  `Written by \`pnpm bench${quick ? " --quick" : ""}\` on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ` +
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}. ` +
    `Load average at start (1, 5, 15 min): **${load()}**.`,
);
report.line();
const cpu = benchCpu();
const pinnedWhere = cpu === undefined ? "**not pinned in this run** (`taskset` did not run)" : `CPU ${cpu} (\`taskset\`)`;
report.line("## Method");
report.line();
for (const line of [
  "- **Ratios, never absolute times across runs.** Every per-request ratio comes from rounds in which a client runs interleaved with the baseline,",
  "  one client per process beside the baseline, as an app has one (`customers.get` shares its process with the by-hand variant it is compared with):",
  "  clients sharing a process shape each other's speed, as V8 compiles the runtime's `Response`, `Headers` and JSON code for the mix of callers it saw first.",
  `  ${settings.slices} slice(s) of these processes per transport, spread over the run (${slicePoints.slice(0, settings.slices).join(", ")}); their rounds`,
  "  pooled, as one process's JIT and heap shift all its rounds alike, and the machine's speed drifts over minutes, unevenly across kinds of code:",
  `  ${settings.rounds.rounds} rounds a process after ${settings.rounds.warmupRounds} warm-up round of ${settings.rounds.warmupMs} ms a variant (thrown away), each variant one batch of ${settings.rounds.batchMs} ms of CPU time per round after a forced GC,`,
  "  the order rotated by one each round. Each variant's rate is divided by the baseline's rate *in the same round*; the tables give",
  "  min / median / max of those per-round ratios. Load on a shared machine shifts whole rounds, not one variant against another.",
  "- **Per-request overhead**: one customer by id, one request at a time. *Stubbed `fetch`*: a `fetch` that returns",
  "  `new Response(json, { headers })` at once (the method of openapi-fetch's own benchmark), so only client code is timed;",
  "  *Loopback*: a `node:http` server with keep-alive in a child process. Rates are per CPU-second (`process.cpuUsage`) of the",
  "  client process, plus the server's over loopback: on a loaded machine most wall time is other processes' turns, which vary",
  "  from batch to batch; on an idle one the two clocks agree. The client processes run with `--single-threaded`: V8's GC and",
  "  compiler threads bill their CPU to the process in amounts that vary from batch to batch. They are pinned to one CPU,",
  `  ${pinnedWhere}, away from CPU 0 where the kernel's own work lands. This VM has stretches in which a new process runs its`,
  "  whole life at about half speed, unevenly across clients, so a process whose baseline ran under 70% of the fastest one's",
  "  so far is run again (the counts are under the tables). Baseline: bare openapi-fetch on Homele's generated types.",
  "  Ours runs with `rateLimit: false` (limiter off) or a limit of 100,000 per second (on, never waiting); the default timeout stays on.",
  "- **Bundle size**: each vendor's one-line browser app (create the client, `await customers.get(id)`) bundled by esbuild: minified,",
  "  ESM, code splitting, platform browser. Start-up = the entry plus every chunk it imports statically (gzip: each file, default level);",
  "  lazy = chunks reached only through `import()`. `pnpm test` checks the start-up gzip against `scripts/bench/size-budgets.json`.",
  "- **Memory**: sequential `customers.get` over a `fetch` that returns an already-resolved promise, so the event loop never turns",
  "  during the loop; heap after a forced GC right after the loop, each variant in its own process.",
  "- **Paging**: a loopback server in a child process serves the vendor's real list envelope (cursor: Homele; offset: Pexip; page",
  `  number: Coax), 100 records a page. Each variant walks every record in its own process, in ${settings.pagingRepeats} round(s) of one walk a variant in rotated order, after one untimed record walked the`,
  "  same way (so loading modules and opening the connection are not timed): CPU time of client (`--single-threaded`, pinned as above) and server",
  "  (compared, for the reason above; wall time beside it), peak RSS (`maxRSS`) and heap growth",
  "  (heap after GC, sampled every 2,500 records, minus the heap before the walk; the time of those forced GCs is left out). The ratio is each",
  "  walk's CPU time over the hand loop + normalizer's in the same round (min / median / max); the other columns are the median walk's. Rate limits off. The hand-written loop is",
  "  `fetch` + `res.json()` + the page's own next link, with or without the vendor's normalizer. `concurrency: 4` is n/a until",
  "  a server 10 ms away sees more than two of its requests at once in a short walk. Then the same behind a fixed server latency (a timer wakes the",
  `  server early and it turns its event loop until due, as a timer alone fires late), one walk a variant and ${settings.concurrentRepeats} of \`concurrency: 4\` (median): wall time against`,
  "  pages x latency (the physical limit of a sequential walk; a loaded machine adds its waits to this one), and for",
  "  `concurrency: 4` pages x latency / 4. Ours is `list({ concurrency: 1 })` (Pexip's default is its documented 4). Beside it, one",
  "  plain `fetch` round trip to the same server, timed alone: what a page costs at least on this machine, whatever the client.",
  "- **Shared limiter**: `@customer-api/redis`'s limiter against the in-memory one on a local `redis-server` the bench starts,",
  "  in alternating rounds: `acquire()` + release alone, and a client `GET` over loopback; ratio = Redis / in-memory time per call.",
  "- **Build and types**: wall time of `turbo run build --force` and of the cached rebuild after it; `tsc --extendedDiagnostics`",
  "  (strict, `skipLibCheck`) of one file using all five clients against the same calls on bare openapi-fetch, alternating runs.",
])
  report.line(line);
report.line();

report.line("## Figures");
report.line();
// Per-request overhead: its slices run at the `slicePoints`; its tables come last.
const perRequest = new PerRequestOverhead(settings.rounds, settings.slowProcessRetries);
/** The slice at `point`, if the run has that many; the sections around it keep their own times. */
const slice = async (point: (typeof slicePoints)[number]) => {
  if (slicePoints.indexOf(point) < settings.slices) await perRequest.measure();
  sectionStart.at = Date.now();
};
await slice("at the start");

// Bundle size
const vendorSizes = await vendorBundleSizes();
const librarySizes = await libraryBundleSizes();
const libraryBase = librarySizes.find((s) => s.name === "openapi-fetch alone")!;
report.line("### Bundle size: one-line browser app (esbuild, minified, ESM, splitting)");
report.line();
const budgetOf = (s: BundleSize) => (s.name === "homele" ? budgets.homele : budgets.other);
report.table(
  ["app", "start-up (min)", "start-up (gzip)", "budget (gzip)", "lazy chunks (min)", "start-up gzip / openapi-fetch alone"],
  [
    ...vendorSizes.map((s) => [
      `\`${s.name}\``,
      kib(s.startMin),
      `**${kib(s.startGzip)}**`,
      `${kib(budgetOf(s))} ${s.startGzip <= budgetOf(s) ? "ok" : "over"}`,
      `${kib(s.lazyMin)} in ${s.lazyChunks}`,
      x(s.startGzip / libraryBase.startGzip),
    ]),
    ...librarySizes.map((s) => [
      s.name,
      kib(s.startMin),
      kib(s.startGzip),
      "—",
      s.lazyChunks ? `${kib(s.lazyMin)} in ${s.lazyChunks}` : "—",
      x(s.startGzip / libraryBase.startGzip),
    ]),
  ],
);

took();

// Memory
const mem = await memory(report, settings.memoryCalls);
took();

// Paging
const loopbackPages = await loopbackPaging(report, { pages: settings.pages, repeats: settings.pagingRepeats });
took();
await slice("after the loopback paging");
const latencyPages = await latencyPaging(report, loopbackPages, {
  latencyPages: settings.latencyPages,
  latencyMs: LATENCY_MS,
  concurrentRepeats: settings.concurrentRepeats,
});
took();
await slice("after the paging behind latency");

// Shared limiter
await sharedLimiter(report, quick ? { rounds: 5, calls: 500 } : { rounds: 41, calls: 1_000 });
took();

// Build and types
await buildAndTypes(report, { coldBuild: settings.coldBuild, tscRuns: settings.tscRuns });
took();
await slice("at the end");
const speed = perRequest.report(report);

// Targets of "core: one pass per request", beside this run's figures
const find = (list: VariantResult[], prefix: string) => list.find((v) => v.name.startsWith(prefix))!;
const rawStub = find(speed.stub, "ours: typed raw `GET`, limiter off");
const rawLoop = find(speed.loopback, "ours: typed raw `GET`, limiter off");
const perRound = (a: VariantResult, b: VariantResult) => stats(a.rates.map((rate, round) => rate / b.rates[round]!));
const getVsHand = perRound(find(speed.stub, "ours: `customers.get`"), find(speed.stub, "bare openapi-fetch + "));
const heapTarget = 2 * mem.results.bare.heapAfter + 20 * 1024 * 1024;
const limit = latencyPages.pages * LATENCY_MS;
const worstLatency = Math.max(...latencyPages.styles.map((s) => s.results.ours!.ms / limit));
const mark = (ok: boolean) => (ok ? "met" : "**not met**");
const concurrent = concurrentTargets(latencyPages);
const homeleSize = vendorSizes.find((s) => s.name === "homele")!;
const largest = vendorSizes.reduce((a, b) => (b.startGzip > a.startGzip ? b : a));
report.line('### Targets (issue "core: one pass per request") against this run');
report.line();
report.table(
  ["target", "this run (median, min–max)", ""],
  [
    [
      "stubbed `fetch`: typed raw `GET` >= 0.5x bare openapi-fetch, ahead of ky and axios",
      `${x(rawStub.ratio.median)} (${x(rawStub.ratio.min)}–${x(rawStub.ratio.max)}); ky ${x(find(speed.stub, "ky").ratio.median)}, axios ${x(find(speed.stub, "axios").ratio.median)}`,
      mark(
        rawStub.ratio.median >= 0.5 &&
          rawStub.ratio.median > find(speed.stub, "ky").ratio.median &&
          rawStub.ratio.median > find(speed.stub, "axios").ratio.median,
      ),
    ],
    [
      "loopback: typed raw `GET` >= 0.9x bare openapi-fetch",
      `${x(rawLoop.ratio.median)} (${x(rawLoop.ratio.min)}–${x(rawLoop.ratio.max)})`,
      mark(rawLoop.ratio.median >= 0.9),
    ],
    [
      "stub: `customers.get` >= 0.6x bare openapi-fetch + normalizer by hand",
      `${x(getVsHand.median)} (${x(getVsHand.min)}–${x(getVsHand.max)})`,
      mark(getVsHand.median >= 0.6),
    ],
    ["Homele start-up <= 8 KiB gzip", kib(homeleSize.startGzip), mark(homeleSize.startGzip <= budgets.homele)],
    [
      "every vendor start-up <= 8.5 KiB gzip",
      `largest: ${largest.name} ${kib(largest.startGzip)}`,
      mark(vendorSizes.every((s) => s.startGzip <= budgetOf(s))),
    ],
    [
      `${mem.calls.toLocaleString("en")} calls, never-yielding stub: heap <= 2x bare + 20 MiB`,
      `${mib(mem.results.customersGet.heapAfter)} vs limit ${mib(heapTarget)} (bare ${mib(mem.results.bare.heapAfter)})`,
      mark(mem.results.customersGet.heapAfter <= heapTarget),
    ],
    [
      `${latencyPages.pages.toLocaleString("en")} pages behind ${LATENCY_MS} ms: <= 1.05x the physical limit`,
      `worst style ${x(worstLatency)}`,
      mark(worstLatency <= 1.05),
    ],
    [
      `${latencyPages.pages.toLocaleString("en")} pages behind ${LATENCY_MS} ms, \`concurrency: 4\` (issue 17): >= 3.5x the sequential rate, >= 0.9 of pages x latency / 4`,
      concurrent.summary,
      mark(concurrent.met),
    ],
  ],
);
if (quick)
  report.line(
    "`--quick` run: fewer rounds, calls and pages than the targets name; the full `pnpm bench` is the one to judge by.",
  );
report.line();
report.line(`Load average at end (1, 5, 15 min): **${load()}**. Run took ${Math.round((Date.now() - started) / 1000)} s.`);

writeFileSync(fileURLToPath(new URL("../../BENCHMARKS.md", import.meta.url)), `${report.lines.join("\n")}\n`);
