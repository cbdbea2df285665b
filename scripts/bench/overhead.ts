/**
 * Per-request overhead: one customer fetched by id, one request at a time, through every way a
 * caller could fetch it, as rates relative to bare openapi-fetch on the same generated types.
 * Two transports: a stubbed `fetch` that answers at once with `new Response(json)` (openapi-fetch's
 * own benchmark method: only client code is timed), and a loopback keep-alive server in a child
 * process (client code plus a real HTTP round trip).
 */
import { Agent } from "node:http";
import { createHomeleClient, type paths as HomelePaths, normalizeHomeleCustomer } from "@customer-api/homele";
import axios from "axios";
import ky from "ky";
import createClient from "openapi-fetch";
import { CPU_TIMED, runInChild } from "./child.js";
import { homeleCustomerBody } from "./fixtures.js";
import { count, interleaved, pooled, type Report, type RoundsOptions, type Variant, type VariantResult, x } from "./harness.js";
import { startServer } from "./server.js";

const STUB_BASE = "https://crm.homele.com/api/v2/crm";
const headers = { "content-type": "application/json" };
const stubFetch = async (_input: RequestInfo | URL, _init?: RequestInit) =>
  new Response(homeleCustomerBody, { status: 200, headers });

/** The same customer through every client; the first is the baseline. */
function variants(transport: "stub" | "loopback", base: string): Variant[] {
  const fetchFn: typeof fetch = transport === "stub" ? stubFetch : (input, init) => fetch(input, init);
  const bare = createClient<HomelePaths>({ baseUrl: base, fetch: fetchFn });
  const ours = (rateLimit: false | { limit: number; intervalMs: number }) =>
    createHomeleClient({ token: "1|bench", baseUrl: base, fetch: fetchFn, rateLimit });
  const unlimited = ours(false);
  // Far above any rate reached here, so it never waits: what is timed is the bookkeeping.
  const limited = ours({ limit: 100_000, intervalMs: 1_000 });
  const withAxios =
    transport === "stub"
      ? axios.create({ baseURL: base, adapter: "fetch", env: { fetch: stubFetch } })
      : axios.create({ baseURL: base, adapter: "http", httpAgent: new Agent({ keepAlive: true }) });
  const withKy = ky.create({ prefixUrl: base, fetch: fetchFn });
  const params = { params: { path: { id: 42 } } };
  return [
    { name: "bare openapi-fetch `GET` (baseline)", run: async () => (await bare.GET("/customers/{id}", params)).data?.data },
    {
      name: "plain `fetch` + `res.json()`",
      run: async () => ((await (await fetchFn(`${base}/customers/42`)).json()) as any).data,
    },
    {
      name: `axios (${transport === "stub" ? "fetch" : "http"} adapter)`,
      run: async () => (await withAxios.get("/customers/42")).data.data,
    },
    { name: "ky", run: async () => ((await withKy.get("customers/42").json()) as any).data },
    { name: "ours: typed raw `GET`, limiter off", run: async () => (await unlimited.GET("/customers/{id}", params)).data?.data },
    { name: "ours: typed raw `GET`, limiter on", run: async () => (await limited.GET("/customers/{id}", params)).data?.data },
    { name: "ours: `customers.get`", run: () => unlimited.customers.get(42) },
    {
      name: "bare openapi-fetch + `normalizeHomeleCustomer` by hand",
      run: async () => {
        const { data, error } = await bare.GET("/customers/{id}", params);
        if (error !== undefined) throw new Error("unexpected error response");
        return normalizeHomeleCustomer(data.data);
      },
    },
  ];
}

/**
 * Which variants share a process, beside the baseline (index 0), by index into `variants()`. One
 * client a process, as an app has: clients that share a process shape each other's speed, as V8
 * compiles the runtime's `Response`, `Headers` and JSON code for the mix of callers it has seen
 * first.
 * `customers.get` shares its process with the by-hand normalizer it is compared with per round.
 */
const GROUPS: readonly (readonly number[])[] = [[1], [2], [3], [4], [5], [6, 7]];

/** Runs in a child process: one transport, the baseline and one group's variants interleaved. */
export async function measureOverhead(args: {
  transport: "stub" | "loopback";
  rounds: RoundsOptions;
  group: readonly number[];
}): Promise<VariantResult[]> {
  const server = args.transport === "loopback" ? await startServer() : undefined;
  try {
    const all = variants(args.transport, server?.url ?? STUB_BASE);
    const list = [all[0]!, ...args.group.map((index) => all[index]!)];
    // Each variant must really fetch the customer before its speed means anything.
    for (const variant of list) {
      const result = (await variant.run()) as { id?: unknown } | undefined;
      if (String(result?.id) !== "42") throw new Error(`${variant.name} did not return customer 42: ${JSON.stringify(result)}`);
    }
    // CPU time, not wall time: on a loaded machine most wall time is other processes' turns. Over
    // loopback the server's CPU counts too, as the round trip is part of each request's cost.
    return await interleaved(list, { ...args.rounds, clock: "cpu", otherCpu: server?.cpuMicros });
  } finally {
    await server?.stop();
  }
}

/**
 * One slice's results in `variants()` order: each variant from its group's process, the baseline
 * from all of them, its rounds laid end to end as the groups ran.
 */
function merge(groups: readonly VariantResult[][]): VariantResult[] {
  // The baseline's rounds of every group as one result, its statistics computed over all of them.
  const merged: VariantResult[] = pooled(groups.map((group) => [group[0]!]));
  GROUPS.forEach((group, g) => {
    group.forEach((index, k) => {
      merged[index] = groups[g]![k + 1]!;
    });
  });
  return merged;
}

export interface OverheadFigures {
  stub: VariantResult[];
  loopback: VariantResult[];
}

/**
 * A process whose baseline ran under this share of the fastest baseline so far is run again, after
 * a pause, at most `retries` times (a setting: `--quick` has no time for them). This VM has
 * stretches in which a new process runs its whole life at about half speed, and the slowdown is
 * not even across clients (bare openapi-fetch loses more than ky or ours): one such process in a
 * slice moved a run's ratios by up to 40%.
 */
const SLOW_PROCESS = 0.7;
const RETRY_PAUSE_MS = 10_000;

/**
 * Per-request overhead, measured in slices spread over the whole bench run and pooled when
 * reported: the machine's speed drifts over minutes, and differently for JIT-heavy code than for
 * the runtime's own `Response` and JSON work, which shifts every ratio of a slice alike.
 */
export class PerRequestOverhead {
  private readonly runs: Record<keyof OverheadFigures, VariantResult[][]> = { stub: [], loopback: [] };
  private readonly fastest = { stub: 0, loopback: 0 };
  private readonly rerun = { stub: 0, loopback: 0 };
  private readonly keptSlow = { stub: 0, loopback: 0 };
  private ms = 0;
  constructor(
    private readonly rounds: RoundsOptions,
    private readonly retries: number,
  ) {}

  /** One slice: the stub processes, then the loopback ones, so that a stretch of load falls on both alike. */
  async measure(): Promise<void> {
    const start = Date.now();
    for (const transport of ["stub", "loopback"] as const) {
      // The rates are per CPU-second; one process per group, in turn.
      const groups: VariantResult[][] = [];
      for (const group of GROUPS) groups.push(await this.process(transport, group));
      this.runs[transport].push(merge(groups));
    }
    this.ms += Date.now() - start;
  }

  private async process(transport: keyof OverheadFigures, group: readonly number[]): Promise<VariantResult[]> {
    const args = { transport, rounds: this.rounds, group };
    for (let attempt = 0; ; attempt++) {
      const result = await runInChild<VariantResult[]>(import.meta.url, "measureOverhead", args, CPU_TIMED);
      const speed = result[0]!.rate.median;
      this.fastest[transport] = Math.max(this.fastest[transport], speed);
      if (speed >= SLOW_PROCESS * this.fastest[transport]) return result;
      if (attempt === this.retries) {
        this.keptSlow[transport]++;
        return result;
      }
      this.rerun[transport]++;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }

  /** Prints both tables from every slice so far. */
  report(report: Report): OverheadFigures {
    const figures = reportOverhead(report, this.runs);
    const slow = (transport: keyof OverheadFigures) =>
      `${transport}: ${this.rerun[transport]} run again, ${this.keptSlow[transport]} still slow after ${this.retries} more tries`;
    const reruns =
      this.retries === 0
        ? "no process is run again in this run"
        : `a process whose baseline ran under ${SLOW_PROCESS * 100}% of the fastest one's so far is run again after ` +
          `${RETRY_PAUSE_MS / 1000} s, at most ${this.retries} times: ${slow("stub")}; ${slow("loopback")}`;
    report.line(`(${Math.round(this.ms / 1000)} s in ${this.runs.stub.length} slice(s); ${reruns}.)`);
    report.line();
    return figures;
  }
}

function reportOverhead(report: Report, runs: Record<keyof OverheadFigures, VariantResult[][]>): OverheadFigures {
  const figures = {} as OverheadFigures;
  for (const transport of ["stub", "loopback"] as const) {
    figures[transport] = pooled(runs[transport]);
    report.line(
      transport === "stub"
        ? "### Per-request overhead, stubbed `fetch` (client code only)"
        : "### Per-request overhead, loopback `node:http` server in a child process, keep-alive",
    );
    report.line();
    report.table(
      [
        "client",
        "median",
        "min",
        "max",
        `median req per CPU-second${transport === "stub" ? "" : " (client + server)"}`,
        "median req per wall second",
      ],
      figures[transport].map((v) => [
        v.name,
        `**${x(v.ratio.median)}**`,
        x(v.ratio.min),
        x(v.ratio.max),
        count(v.rate.median),
        count(v.wallRate.median),
      ]),
    );
  }
  return figures;
}
