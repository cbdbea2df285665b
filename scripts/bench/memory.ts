/**
 * Memory under a `fetch` that never yields: the stub answers with an already-resolved promise, so
 * a loop of awaited calls runs on microtasks alone and the event loop never turns (as test stubs
 * and in-memory caches behave). Anything a call leaves for "the next turn" (a timer, a listener on
 * a signal, a copied `Request`) piles up until the loop ends. Each variant runs in its own process;
 * the heap is read after a forced GC, before the process yields once.
 */
import { createHomeleClient, type paths as HomelePaths, normalizeHomeleCustomer } from "@customer-api/homele";
import createClient from "openapi-fetch";
import { runInChild } from "./child.js";
import { homeleCustomerBody } from "./fixtures.js";
import { mib, type Report, seconds, x } from "./harness.js";

const BASE = "https://crm.homele.com/api/v2/crm";
const headers = { "content-type": "application/json" };
const neverYields = (_input: RequestInfo | URL, _init?: RequestInit) =>
  Promise.resolve(new Response(homeleCustomerBody, { status: 200, headers }));

type MemoryVariant = "bare" | "bareNormalized" | "customersGet";

const names: Record<MemoryVariant, string> = {
  bare: "bare openapi-fetch `GET` (baseline)",
  bareNormalized: "bare openapi-fetch + `normalizeHomeleCustomer` by hand",
  customersGet: "ours: `customers.get`",
};

interface MemoryResult {
  heapBefore: number;
  heapAfter: number;
  /** How long the loop took (informative only: GC of a growing heap dominates it). */
  loopMs: number;
}

/** Runs in a child process. */
export async function measureMemory(args: { variant: MemoryVariant; calls: number }): Promise<MemoryResult> {
  const gc = globalThis.gc!;
  const bare = createClient<HomelePaths>({ baseUrl: BASE, fetch: neverYields });
  const ours = createHomeleClient({ token: "1|bench", baseUrl: BASE, fetch: neverYields, rateLimit: false });
  const params = { params: { path: { id: 42 } } };
  const once = {
    bare: async () => (await bare.GET("/customers/{id}", params)).data?.data,
    bareNormalized: async () => normalizeHomeleCustomer((await bare.GET("/customers/{id}", params)).data?.data),
    customersGet: () => ours.customers.get(42),
  }[args.variant];
  // Load lazy modules and settle the first-call allocations before the heap is read.
  const first = (await once()) as { id?: unknown } | undefined;
  if (String(first?.id) !== "42") throw new Error(`${args.variant} did not return customer 42`);
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < args.calls; i++) await once();
  // Still inside the same turn: nothing awaits a macrotask between the loop and this reading.
  const loopMs = performance.now() - start;
  gc();
  return { heapBefore, heapAfter: process.memoryUsage().heapUsed, loopMs };
}

export interface MemoryFigures {
  calls: number;
  results: Record<MemoryVariant, MemoryResult>;
}

export async function memory(report: Report, calls: number): Promise<MemoryFigures> {
  const results = {} as Record<MemoryVariant, MemoryResult>;
  for (const variant of Object.keys(names) as MemoryVariant[]) {
    results[variant] = await runInChild<MemoryResult>(import.meta.url, "measureMemory", { variant, calls });
  }
  report.line(`### Memory: ${calls.toLocaleString("en")} sequential calls over a \`fetch\` that never yields`);
  report.line();
  const base = results.bare.heapAfter;
  report.table(
    ["client", "heap after GC", "growth during the loop", "per call", "heap / baseline", "loop time"],
    (Object.keys(names) as MemoryVariant[]).map((variant) => {
      const r = results[variant];
      const growth = r.heapAfter - r.heapBefore;
      return [
        names[variant],
        mib(r.heapAfter),
        mib(growth),
        `${Math.max(0, growth / calls).toFixed(0)} B`,
        x(r.heapAfter / base),
        seconds(r.loopMs),
      ];
    }),
  );
  return { calls, results };
}
