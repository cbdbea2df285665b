/**
 * Consumer test on the packed tarballs, as a user installs them: `pnpm pack` each package (which
 * rewrites `workspace:^`), `npm install` the tarballs into an empty project (no workspace links),
 * then:
 * - run one ESM and one CJS consumer on Node 20, 22 and 24, Deno and Bun, and the ESM consumer
 *   bundled for an edge runtime (web APIs only); each calls every client against a local
 *   node:http server in this process (in front of Prism mocks of the specs) and checks the results;
 * - bundle each vendor for browsers (esbuild fails on any `node:` import) and run the bundle in a
 *   context that has web globals only: no `process`, `Buffer` or `require`;
 * - type-check a strict consumer (with `@ts-expect-error` lines that must stay errors) and every
 *   README quick start with TypeScript 5.9 and 7, under `nodenext` and `bundler`.
 * Node 22/24 (and 20 when the test runs on another), Deno, Bun and TypeScript 7 come from npm,
 * cached between runs (scripts/runtimes.ts).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import vm from "node:vm";
import { type MockGateway, readSpec, startMockGateway } from "@customer-api/testkit";
import { EdgeRuntime } from "edge-runtime";
import { build } from "esbuild";
import { isObject, loadSpec, operations } from "./codegen/spec.js";
import { quickStarts } from "./readme-blocks.js";
import { ensureNode, ensureTool, TOOLS } from "./runtimes.js";
import { writeReport } from "./test-report.js";
import { vendorPackages } from "./workspace.js";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
// The vendor clients of the workspace, next to core: their factories and ids come from their specs.
const vendorList = vendorPackages();
const packages = ["core", ...vendorList.map((v) => v.folder)];
const factories: Record<string, string> = Object.fromEntries(vendorList.map((v) => [v.vendor, v.factory]));
const vendors = Object.keys(factories);
// An id of the vendor's own form (its get operation's example); one containing 404404 makes the mock answer 404.
const ids: Record<string, { found: string | number; missing: string | number }> = Object.fromEntries(
  vendorList.map((v) => {
    const found = getIdExample(v.spec);
    const missing =
      typeof found === "number" ? 404404 : /^[0-9a-f-]{36}$/i.test(found) ? "00000000-0000-4000-8000-000000404404" : "404404";
    return [v.vendor, { found, missing }];
  }),
);
const TIMEOUT_MS = 120_000;

/** The example id of the operation the spec marks `customers.get`. */
function getIdExample(specPath: string): string | number {
  const get = operations(loadSpec(specPath)).find(
    (op) => isObject(op.node["x-customer-api-operation"]) && op.node["x-customer-api-operation"].method === "customers.get",
  );
  const idParam = get?.parameters.find((p) => p.in === "path")?.name;
  if (!get || typeof idParam !== "string") throw new Error(`${specPath}: no customers.get operation with an id`);
  return readSpec(specPath).operation(get).idExample(idParam);
}

const work = mkdtempSync(join(tmpdir(), "customer-api-consumer-"));
const packs = join(work, "packs");
const app = join(work, "app");
mkdirSync(packs);
mkdirSync(app);
const run = async (cmd: string, args: string[], cwd = app) => {
  const { stdout, stderr } = await exec(cmd, args, {
    cwd,
    timeout: TIMEOUT_MS,
    maxBuffer: 16 << 20,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return `${stdout}${stderr}`;
};

let passed = 0;
let failed = 0;
const check = async (name: string, fn: () => Promise<string | undefined>) => {
  const started = Date.now();
  try {
    const out = (await fn()) ?? "";
    passed++;
    const last = out.trim().split("\n").at(-1) ?? "";
    console.log(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${last ? `: ${last}` : ""}`);
  } catch (error) {
    failed++;
    const e = error as { stdout?: string; stderr?: string; message?: string };
    console.log(`  FAIL ${name}\n${[e.stdout, e.stderr, e.message].filter(Boolean).join("\n")}`);
  }
};

/**
 * The consumer program: the same checks in every runtime. `load` says how a module is brought
 * in (import or require); `tail` how main() is run and its failure reported.
 */
function consumer(base: string, vendorList: string[], load: (name: string, as: string) => string, tail: string) {
  return `${load("@customer-api/core", "core")}
${vendorList.map((v) => load(`@customer-api/${v}`, v)).join("\n")}
const modules = { ${vendorList.join(", ")} };
const factories = ${JSON.stringify(factories)};
const ids = ${JSON.stringify(ids)};
function assert(ok, message) { if (!ok) throw new Error(message); }
async function main() {
  for (const vendor of ${JSON.stringify(vendorList)}) {
    const make = modules[vendor][factories[vendor]];
    assert(typeof make === "function", vendor + ": no " + factories[vendor]);
    const client = make({ token: "t0ken", baseUrl: ${JSON.stringify(base)} + "/" + vendor, maxRetries: 0 });
    const customer = await client.customers.get(ids[vendor].found);
    assert(customer.vendor === vendor, vendor + ": get gave vendor " + customer.vendor);
    assert(typeof customer.id === "string" && customer.id.length > 0, vendor + ": get gave id " + customer.id);
    assert(customer.raw && typeof customer.raw === "object", vendor + ": get gave no raw record");
    for (const key of ["name", "email", "phone", "createdAt", "updatedAt"]) assert(customer[key] !== undefined, vendor + ": " + key + " is undefined");
    const listed = [];
    for await (const c of client.customers.list({ maxItems: 1 })) listed.push(c);
    assert(listed.length === 1 && listed[0].vendor === vendor, vendor + ": list with maxItems 1 gave " + listed.length);
    const page = await client.customers.list({ maxItems: 1 }).pages()[Symbol.asyncIterator]().next();
    assert(!page.done && Array.isArray(page.value.items) && page.value.items.length >= 1, vendor + ": pages() gave no first page");
    const error = await client.customers.get(ids[vendor].missing).then(() => null, (e) => e);
    assert(error instanceof core.NotFoundError && error instanceof core.ApiError, vendor + ": expected NotFoundError, got " + error);
    assert(error.status === 404 && typeof error.message === "string", vendor + ": NotFoundError without status 404");
    console.log("ok " + vendor + ": get " + customer.id + ", list 1, pages, 404 NotFoundError");
  }
  return "consumer ok: " + ${vendorList.length} + " vendors";
}
${tail}
`;
}

const esm = (base: string) =>
  consumer(base, vendors, (name, as) => `import * as ${as} from "${name}";`, `console.log(await main());`);
const cjs = (base: string) =>
  consumer(
    base,
    vendors,
    (name, as) => `const ${as} = require("${name}");`,
    `main().then((m) => console.log(m), (e) => { console.error(e); process.exit(1); });`,
  );
// For bundles run in a VM: the result is a promise on globalThis. (Whether Node's globals are
// visible is asked outside the bundle: esbuild rewrites `typeof require` inside one.)
const bundled = (base: string, vendorList: string[]) =>
  consumer(base, vendorList, (name, as) => `import * as ${as} from "${name}";`, `globalThis.consumerResult = main();`);

/** Bundles an entry from the installed tarballs; esbuild fails on a `node:` import for these platforms. */
async function bundle(entry: string, conditions: string[]) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    target: "es2022",
    conditions,
    absWorkingDir: app,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

const NODE_GLOBALS = `["process", "Buffer", "require", "module", "global", "setImmediate"].filter((name) => typeof globalThis[name] !== "undefined")`;

/** Runs a browser bundle in a fresh realm given only the globals a browser has. */
async function runInWebContext(code: string) {
  const lines: string[] = [];
  const web = {
    fetch,
    Request,
    Response,
    Headers,
    FormData,
    Blob,
    File,
    URL,
    URLSearchParams,
    AbortController,
    AbortSignal,
    TextEncoder,
    TextDecoder,
    ReadableStream,
    WritableStream,
    TransformStream,
    DOMException,
    Event,
    EventTarget,
    crypto,
    atob,
    btoa,
    structuredClone,
    queueMicrotask,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    performance,
    console: {
      log: (...a: unknown[]) => lines.push(a.join(" ")),
      warn: () => {},
      error: (...a: unknown[]) => lines.push(a.join(" ")),
      debug: () => {},
      info: () => {},
    },
  };
  const context = vm.createContext({ ...web });
  vm.runInContext("globalThis.self = globalThis; globalThis.window = globalThis;", context);
  const nodeGlobals = vm.runInContext(NODE_GLOBALS, context);
  if (nodeGlobals.length) throw new Error(`visible in the web context: ${nodeGlobals}`);
  vm.runInContext(code, context, { timeout: 10_000 });
  const result = await (context.consumerResult as Promise<string>);
  return [...lines, result].join("\n");
}

/** The strict consumer: fixed public names only, and lines that must not compile. */
function strictConsumer() {
  return `import { ApiError, NotFoundError, RateLimitError, type Customer } from "@customer-api/core";
${vendors.map((v) => `import { ${factories[v]} } from "@customer-api/${v}";`).join("\n")}

const homele = createHomeleClient({
  token: async () => "t",
  baseUrl: "https://acme.example/api/v2/crm",
  maxRetries: 2,
  timeoutMs: 30_000,
  rateLimit: { limit: 60, intervalMs: 60_000, concurrency: 4 },
});

export async function firstName(id: number): Promise<string | null> {
  try {
    const c: Customer = await homele.customers.get(id);
    const { data } = await homele.GET("/customers/{id}", { params: { path: { id } } });
    return data?.data.first_name ?? c.firstName;
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    if (e instanceof RateLimitError) return String(e.retryAfterMs);
    if (e instanceof ApiError) throw new Error(e.message);
    throw e;
  }
}

export async function names(signal: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for await (const c of homele.customers.list({ pageSize: 100, maxItems: 10, signal })) out.push(c.name ?? "");
  for await (const page of homele.customers.list({ maxItems: 10 }).pages()) out.push(String(page.items.length));
  return out;
}

export const factories = [${vendors.map((v) => factories[v]).join(", ")}];

export function mistakes() {
  // @ts-expect-error a path the spec does not have
  void homele.GET("/customerz/{id}", { params: { path: { id: 1 } } });
  // @ts-expect-error the spec types the id as an integer
  void homele.GET("/customers/{id}", { params: { path: { id: "42" } } });
  // @ts-expect-error pageSize is a number
  void homele.customers.list({ pageSize: "100" });
  // @ts-expect-error a misspelled option
  createHomeleClient({ token: "t", maxRetrys: 2 });
}
`;
}

function tsconfig(resolution: "nodenext" | "bundler", files: string[], types: string[]) {
  return JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: "ES2022",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      module: resolution === "nodenext" ? "nodenext" : "esnext",
      moduleResolution: resolution,
      types,
    },
    files,
  });
}

let server: MockGateway | undefined;
const started = Date.now();
try {
  // Fetch what is missing from the runtime cache while packing and installing.
  const tools = Promise.all([
    ensureNode(20),
    ensureNode(22),
    ensureNode(24),
    ensureTool(TOOLS.deno),
    ensureTool(TOOLS.bun),
    ensureTool(TOOLS.tsc7),
  ]);
  tools.catch(() => {});
  // The CLI and the Redis limiter go in too: they are published beside the clients.
  for (const p of [...packages, "cli", "redis"])
    await run("pnpm", ["pack", "--pack-destination", packs], join(root, "packages", p));
  const tarballs = readdirSync(packs).map((f) => join(packs, f));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  // @types/node only for the README quick starts, which read process.env as a user's would.
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs, "@types/node@20"]);
  const [node20, node22, node24, deno, bun, tsc7] = await tools;

  server = await startMockGateway(vendors);
  const base = server.url;
  writeFileSync(join(app, "esm.mjs"), esm(base));
  writeFileSync(join(app, "cjs.cjs"), cjs(base));
  writeFileSync(join(app, "bundle-entry.mjs"), bundled(base, vendors));
  for (const v of vendors) writeFileSync(join(app, `browser-${v}.mjs`), bundled(base, [v]));

  const calledEveryVendor = async (fn: () => Promise<string>) => {
    const before = { ...server!.calls };
    const out = await fn();
    for (const v of vendors) if (server!.calls[v]! <= before[v]!) throw new Error(`${v}: no request reached the server\n${out}`);
    if (!out.includes(`consumer ok: ${vendors.length} vendors`)) throw new Error(`no success line\n${out}`);
    return out;
  };

  console.log("consumer test on packed tarballs:");
  const runtimes: [string, string, string[]][] = [
    ["Node 20", node20, []],
    ["Node 22", node22, []],
    ["Node 24", node24, []],
    ["Deno", deno, ["run", "--allow-net", "--allow-read", "--allow-env", "--no-prompt"]],
    ["Bun", bun, ["run"]],
  ];
  for (const [name, bin, args] of runtimes) {
    const version = (await run(bin, ["--version"])).trim().split("\n")[0];
    await check(`${name} (${version}): import as ESM, call every client`, () =>
      calledEveryVendor(() => run(bin, [...args, "esm.mjs"])),
    );
    await check(`${name} (${version}): require as CJS, call every client`, () =>
      calledEveryVendor(() => run(bin, [...args, "cjs.cjs"])),
    );
  }
  await check("edge runtime (edge-runtime, web APIs only): ESM consumer bundled, call every client", () =>
    calledEveryVendor(async () => {
      const code = await bundle("bundle-entry.mjs", ["edge-light", "worker", "browser"]);
      const lines: string[] = [];
      const edge = new EdgeRuntime({
        extend: (context) =>
          Object.assign(context, { console: { ...console, log: (...a: unknown[]) => lines.push(a.join(" ")) } }),
      });
      const nodeGlobals = edge.evaluate(NODE_GLOBALS) as string[];
      if (nodeGlobals.length) throw new Error(`visible in the edge runtime: ${nodeGlobals}`);
      edge.evaluate(code);
      const result = await (edge.context as unknown as { consumerResult: Promise<string> }).consumerResult;
      return [...lines, result].join("\n");
    }),
  );
  for (const v of vendors) {
    await check(`browser build of @customer-api/${v} (esbuild --platform=browser, web globals only)`, async () => {
      const before = server!.calls[v]!;
      const code = await bundle(`browser-${v}.mjs`, ["browser"]);
      const out = await runInWebContext(code);
      if (server!.calls[v]! <= before || !out.includes("consumer ok: 1 vendors"))
        throw new Error(`no call reached the server\n${out}`);
      return `${(code.length / 1024).toFixed(0)} KiB, ${out.split("\n")[0]}`;
    });
  }

  await check("npx customer-api export coax --mock --format csv --out c.csv (the packed CLI, its own Prism mock)", async () => {
    await run("npx", ["customer-api", "export", "coax", "--mock", "--format", "csv", "--out", "c.csv"]);
    const lines = readFileSync(join(app, "c.csv"), "utf8").split("\r\n");
    if (!lines[0]!.startsWith("vendor,id,name,") || !lines[1]!.startsWith("coax,"))
      throw new Error(`unexpected c.csv:\n${lines.join("\n")}`);
    return `${lines.filter(Boolean).length - 1} rows`;
  });
  await check("@customer-api/redis: import as ESM and require as CJS on Node", async () => {
    const probe = (load: string) =>
      `${load}\nif (typeof createRedisLimiter !== "function") throw new Error("no createRedisLimiter");\nconsole.log("redis ok");`;
    writeFileSync(join(app, "redis.mjs"), probe(`import { createRedisLimiter } from "@customer-api/redis";`));
    writeFileSync(join(app, "redis.cjs"), probe(`const { createRedisLimiter } = require("@customer-api/redis");`));
    return `${await run(process.execPath, ["redis.mjs"])}${await run(process.execPath, ["redis.cjs"])}`;
  });

  const readmes = quickStarts(root, packages);
  const readmeFiles: string[] = [];
  for (const q of readmes) {
    q.blocks.forEach((block, i) => {
      const file = `readme-${q.readme.replace(/\W+/g, "-")}-${i}.mts`;
      // Each block is its own module, so top-level await and repeated names are fine.
      writeFileSync(join(app, file), `${block}\nexport {};\n`);
      readmeFiles.push(file);
    });
  }
  writeFileSync(join(app, "consumer.mts"), strictConsumer());
  const tsc59 = join(root, "node_modules", "typescript", "bin", "tsc");
  for (const resolution of ["nodenext", "bundler"] as const) {
    writeFileSync(join(app, `tsconfig.${resolution}.json`), tsconfig(resolution, ["consumer.mts"], []));
    writeFileSync(join(app, `tsconfig.readme.${resolution}.json`), tsconfig(resolution, readmeFiles, ["node"]));
  }
  const typeChecks: (() => Promise<void>)[] = [];
  for (const [label, cmd, prefix] of [
    ["TypeScript 5.9", process.execPath, [tsc59]],
    ["TypeScript 7", tsc7, []],
  ] as const) {
    for (const resolution of ["nodenext", "bundler"]) {
      typeChecks.push(() =>
        check(
          `${label}: strict consumer type-checks, its 4 @ts-expect-error lines fail (${resolution}, skipLibCheck false)`,
          () => run(cmd, [...prefix, "-p", `tsconfig.${resolution}.json`]),
        ),
      );
      typeChecks.push(() =>
        check(
          `${label}: ${readmeFiles.length} README quick-start blocks from ${readmes.map((q) => q.readme).join(", ")} type-check (${resolution})`,
          () => run(cmd, [...prefix, "-p", `tsconfig.readme.${resolution}.json`]),
        ),
      );
    }
  }
  // Two compilers at a time: each is one busy core for most of its run.
  const lane = async () => {
    for (let next = typeChecks.shift(); next; next = typeChecks.shift()) await next();
  };
  await Promise.all([lane(), lane()]);
  if (readmes.length < 1 + vendors.length) {
    failed++;
    console.log(`  FAIL only ${readmes.length} READMEs have a quick start: ${readmes.map((q) => q.readme).join(", ")}`);
  }
} finally {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`consumer test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
writeReport("consumer", passed, failed);
process.exitCode = failed > 0 ? 1 : 0;
// Prism keeps handles open; the verdict is in, so end here.
process.exit();
