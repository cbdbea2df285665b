/**
 * `pnpm bench`: size and speed, as ratios measured in one run (absolute times on a shared
 * machine mean little). Prints a Markdown section for BENCHMARKS.md.
 *
 * 1. Bundle size: what an app that imports a vendor client ships, minified and gzipped, with
 *    code splitting on, next to openapi-fetch alone, and the chunks loaded only on normalizing.
 * 2. Transport overhead: bare openapi-fetch against our full stack (retry, auth, logger-free,
 *    timeout, redirect, JSON check; rate limit off), same local server, tasks run one after another.
 * 3. Normalizing: Homele records per second through `normalizeHomeleCustomer`, relative to a
 *    plain `JSON.parse` of the same record (the floor of any client).
 * 4. Paging memory: heap after walking 50 and 500 pages of 100 records; flat paging keeps the
 *    ratio near 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { cursorPaging, paginate } from "@customer-api/core";
import { createHomeleClient, normalizeHomeleCustomer } from "@customer-api/homele";
import { build } from "esbuild";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";

const root = fileURLToPath(new URL("..", import.meta.url));
const lines: string[] = [];
const out = (line = "") => {
  lines.push(line);
  console.log(line);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// 1. Bundle size ------------------------------------------------------------------------------
async function bundle(source: string): Promise<{ main: number; lazy: number; mainGz: number }> {
  const dir = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  try {
    const file = join(dir, "entry.mjs");
    writeFileSync(file, source);
    const result = await build({
      entryPoints: [file],
      bundle: true,
      splitting: true,
      format: "esm",
      minify: true,
      platform: "browser",
      outdir: join(dir, "out"),
      write: true,
      metafile: true,
      absWorkingDir: root,
      nodePaths: [join(root, "node_modules")],
      logLevel: "silent",
    });
    // The app's own entry and what it imports statically load at start; chunks reached only
    // through a dynamic import (esbuild lists those as entry points too) load on first use.
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint?.endsWith("entry.mjs"))!;
    const atStart = new Set([entry]);
    for (const path of atStart) {
      for (const i of outputs[path]!.imports) if (i.kind === "import-statement") atStart.add(i.path);
    }
    let main = 0;
    let mainGz = 0;
    let lazy = 0;
    for (const [path, output] of Object.entries(outputs)) {
      if (!path.endsWith(".js")) continue;
      if (atStart.has(path)) {
        main += output.bytes;
        mainGz += gzipSync(readFileSync(join(root, path))).length;
      } else lazy += output.bytes;
    }
    return { main, lazy, mainGz };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fetchOnly = await bundle(`import createClient from "openapi-fetch"; export const c = createClient({ baseUrl: "https://x" });`);
const homeleOnly = await bundle(
  `import { createHomeleClient } from "@customer-api/homele"; export const c = createHomeleClient({ token: "t" });`,
);

out("## Bundle size (esbuild, minified, ESM, code splitting)");
out();
out("| what the app imports | loaded at start (min) | gzip | loaded on first normalize (min) |");
out("|---|---|---|---|");
out(`| openapi-fetch alone | ${kb(fetchOnly.main)} | ${kb(fetchOnly.mainGz)} | — |`);
out(`| \`createHomeleClient\` (core + homele) | ${kb(homeleOnly.main)} | ${kb(homeleOnly.mainGz)} | ${kb(homeleOnly.lazy)} |`);
out();
out(`Start-up bundle, ours / openapi-fetch alone: **${(homeleOnly.main / fetchOnly.main).toFixed(2)}x**. `
  + `The phone and time-zone libraries (${kb(homeleOnly.lazy)}) are split into chunks that load only when a record is normalized.`);
out();

// 2. Transport overhead ------------------------------------------------------------------------
const record = {
  id: 42, sequential_number: 1025, name: "Ahmed Ali", first_name: "Ahmed", last_name: "Ali",
  phone1: "+9647501234567", phone2: null, phone3: null, email1: "ahmed@example.com",
  address: "Erbil, 60m Street", budget: "150000.00", budget_currency: "USD",
  city: { id: 1, name: "Erbil" }, country: { id: 1, name: "Iraq" },
  created_at: "2025-11-20T14:30:00+00:00", updated_at: "2026-02-15T09:45:00+00:00",
};
const body = JSON.stringify({ success: true, data: record });
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const bare = createClient<any>({ baseUrl: base });
const ours = createHomeleClient({ token: "1|bench", baseUrl: base, rateLimit: false });
const transport = new Bench({ time: 2_000, warmupTime: 300 });
transport
  .add("openapi-fetch alone: GET /customers/42", async () => {
    await bare.GET("/customers/42", {});
  })
  .add("our stack: GET /customers/42 (typed raw access)", async () => {
    await ours.GET("/customers/{id}", { params: { path: { id: 42 } } });
  })
  .add("our stack: customers.get(42) (raw + normalize)", async () => {
    await ours.customers.get(42);
  });
await transport.run();
server.close();

const hz = (b: Bench, i: number) => b.tasks[i]!.result!.hz;
out("## Transport overhead (local node:http server, same process, tinybench 2 s per task)");
out();
out("| task | relative throughput |");
out("|---|---|");
for (const [i, task] of transport.tasks.entries()) out(`| ${task.name} | ${(hz(transport, i) / hz(transport, 0)).toFixed(2)}x |`);
out();

// 3. Normalizing -------------------------------------------------------------------------------
await normalizeHomeleCustomer(record); // load the lazy libraries first
const normalizing = new Bench({ time: 1_000, warmupTime: 200 });
normalizing
  .add("JSON.parse of the record", () => {
    JSON.parse(body);
  })
  .add("normalizeHomeleCustomer(record)", async () => {
    await normalizeHomeleCustomer(record);
  });
await normalizing.run();
out("## Normalizing");
out();
out(`normalizeHomeleCustomer runs at **${(hz(normalizing, 1) / hz(normalizing, 0)).toFixed(2)}x** the rate of a bare \`JSON.parse\` of the same record `
  + `(${Math.round(hz(normalizing, 1)).toLocaleString("en")} records/s on this run), phone parsing included.`);
out();

// 4. Paging memory -----------------------------------------------------------------------------
const page = (n: number) => ({
  data: Array.from({ length: 100 }, (_, i) => ({ ...record, id: n * 100 + i, name: `Customer ${n * 100 + i}` })),
  meta: { next_cursor: `c${n + 1}`, has_more: true },
});
async function heapAfter(pages: number): Promise<number> {
  const list = paginate({
    vendor: "bench",
    maxItems: pages * 100,
    style: cursorPaging({ items: (p: ReturnType<typeof page>) => p.data, nextCursor: (p) => p.meta.next_cursor }),
    fetchPage: async (state) => page(Number(state.cursor?.slice(1) ?? 0)),
    map: normalizeHomeleCustomer,
  });
  let peak = 0;
  let n = 0;
  for await (const _ of list) {
    if (++n % 5_000 === 0) {
      globalThis.gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return peak;
}
const small = await heapAfter(50);
const large = await heapAfter(500);
out("## Paging memory");
out();
out(`Peak heap while walking 500 pages of 100 records, relative to 50 pages: **${(large / small).toFixed(2)}x** `
  + `(10x the records). ${globalThis.gc ? "Measured with --expose-gc." : "Run without --expose-gc: figures include garbage not yet collected."}`);

writeFileSync(join(root, ".bench-result.md"), `${lines.join("\n")}\n`);
