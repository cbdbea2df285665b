/**
 * Build and type-check cost. The build: a cold `turbo run build --force` (every package rebuilt,
 * cache ignored) and the cached rebuild right after it (what a developer pays on an unchanged
 * tree). The types: `tsc --extendedDiagnostics` of one consumer file that uses all five clients
 * (`customers.get`, `customers.list`, typed raw `GET`), against the same calls written for bare
 * openapi-fetch on the same generated types; the two runs alternate, and the median is reported.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count, mib, type Report, seconds, stats, x } from "./harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function timed(command: string, args: string[]): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
  return performance.now() - start;
}

const vendors = [
  {
    name: "homele",
    factory: "createHomeleClient",
    options: `{ token: "t" }`,
    path: "/customers/{id}",
    params: "{ id: 42 }",
    list: `"/customers"`,
    query: "{ per_page: 100 }",
  },
  {
    name: "pexip",
    factory: "createPexipClient",
    options: `{ token: "t", enterprise: "acme" }`,
    path: "/customers/{id}",
    params: `{ id: "c-1" }`,
    list: `"/customers"`,
    query: "{ limit: 100, offset: 0 }",
  },
  {
    name: "shtara",
    factory: "createShtaraClient",
    options: `{ token: "t" }`,
    path: "/customers/{customer}",
    params: "{ customer: 42 }",
    list: `"/customers"`,
    query: "{ per_page: 60, page: 1 }",
  },
  {
    name: "hamgam",
    factory: "createHamgamClient",
    options: `{ token: "t", baseUrl: "https://acme.hamgam.online" }`,
    path: "/api/customers/{id}",
    params: "{ id: 42 }",
    list: `"/api/customers"`,
    query: "{ limit: 100, offset: 0 }",
  },
  {
    name: "coax",
    factory: "createCoaxClient",
    options: `{ token: "t" }`,
    path: "/api/v2/customers/{id}",
    params: `{ id: "c-1" }`,
    list: `"/api/v2/customers"`,
    query: "{ page: 1, page_size: 100 }",
  },
];

const consumerFile = [
  ...vendors.map((v) => `import { ${v.factory} } from "@customer-api/${v.name}";`),
  "",
  "export async function main(): Promise<string[]> {",
  "  const names: string[] = [];",
  ...vendors.flatMap((v) => [
    `  const ${v.name} = ${v.factory}(${v.options});`,
    `  names.push((await ${v.name}.customers.get(${v.params.replace(/^\{ \w+: (.*) \}$/, "$1")})).name ?? "");`,
    `  for await (const c of ${v.name}.customers.list({ pageSize: 100 })) names.push(c.email ?? "");`,
    `  const ${v.name}Raw = await ${v.name}.GET("${v.path}", { params: { path: ${v.params} } });`,
    `  names.push(String(${v.name}Raw.response.status));`,
  ]),
  "  return names;",
  "}",
  "",
].join("\n");

const bareFile = [
  `import createClient from "openapi-fetch";`,
  ...vendors.map((v) => `import type { paths as ${v.name}Paths } from "@customer-api/${v.name}";`),
  "",
  "export async function main(): Promise<string[]> {",
  "  const names: string[] = [];",
  ...vendors.flatMap((v) => [
    `  const ${v.name} = createClient<${v.name}Paths>({ baseUrl: "https://x" });`,
    `  const ${v.name}One = await ${v.name}.GET("${v.path}", { params: { path: ${v.params} } });`,
    `  names.push(JSON.stringify(${v.name}One.data));`,
    `  const ${v.name}Page = await ${v.name}.GET(${v.list}, { params: { query: ${v.query} } });`,
    `  names.push(JSON.stringify(${v.name}Page.data));`,
    `  names.push(String(${v.name}One.response.status));`,
  ]),
  "  return names;",
  "}",
  "",
].join("\n");

interface TscFigures {
  totalMs: number;
  checkMs: number;
  instantiations: number;
  memory: number;
}

function tsc(dir: string, file: string): TscFigures {
  const config = join(dir, `tsconfig.${file}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        lib: ["es2022", "dom", "dom.asynciterable"],
        module: "esnext",
        moduleResolution: "bundler",
        skipLibCheck: true,
        types: [],
      },
      files: [`${file}.ts`],
    }),
  );
  const run = spawnSync(
    process.execPath,
    [join(root, "node_modules/typescript/bin/tsc"), "-p", config, "--extendedDiagnostics"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`tsc of the ${file} file failed:\n${run.stdout}${run.stderr}`);
  const read = (label: string) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(run.stdout);
    if (!match) throw new Error(`tsc printed no "${label}"`);
    return Number(match[1]);
  };
  return {
    totalMs: read("Total time") * 1000,
    checkMs: read("Check time") * 1000,
    instantiations: read("Instantiations"),
    memory: read("Memory used") * 1024,
  };
}

export interface BuildTypesFigures {
  coldBuildMs?: number;
  cachedBuildMs: number;
  ours: TscFigures;
  bare: TscFigures;
}

export async function buildAndTypes(
  report: Report,
  options: { coldBuild: boolean; tscRuns: number },
): Promise<BuildTypesFigures> {
  const turbo = join(root, "node_modules/.bin/turbo");
  const coldBuildMs = options.coldBuild ? timed(turbo, ["run", "build", "--force", "--output-logs=none"]) : undefined;
  const cachedBuildMs = timed(turbo, ["run", "build", "--output-logs=none"]);

  const dir = join(root, ".tmp/bench-types");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "consumer.ts"), consumerFile);
  writeFileSync(join(dir, "bare.ts"), bareFile);
  const runs: { ours: TscFigures[]; bare: TscFigures[] } = { ours: [], bare: [] };
  for (let i = 0; i < options.tscRuns; i++) {
    runs.ours.push(tsc(dir, "consumer"));
    runs.bare.push(tsc(dir, "bare"));
  }
  rmSync(dir, { recursive: true, force: true });
  const median = (list: TscFigures[]): TscFigures => ({
    totalMs: stats(list.map((r) => r.totalMs)).median,
    checkMs: stats(list.map((r) => r.checkMs)).median,
    instantiations: stats(list.map((r) => r.instantiations)).median,
    memory: stats(list.map((r) => r.memory)).median,
  });
  const ours = median(runs.ours);
  const bare = median(runs.bare);

  report.line("### Build and types");
  report.line();
  report.table(
    ["what", "time"],
    [
      [
        "cold `turbo run build --force` (all six packages)",
        coldBuildMs === undefined ? "not run with `--quick`" : seconds(coldBuildMs),
      ],
      ["cached rebuild (`turbo run build`, nothing changed)", seconds(cachedBuildMs)],
    ],
  );
  report.table(
    [`\`tsc --extendedDiagnostics\` (median of ${options.tscRuns})`, "total time", "check time", "instantiations", "memory"],
    [
      [
        "consumer of all five clients",
        seconds(ours.totalMs),
        seconds(ours.checkMs),
        count(ours.instantiations),
        mib(ours.memory),
      ],
      [
        "same calls on bare openapi-fetch",
        seconds(bare.totalMs),
        seconds(bare.checkMs),
        count(bare.instantiations),
        mib(bare.memory),
      ],
      [
        "ours / bare",
        x(ours.totalMs / bare.totalMs),
        x(ours.checkMs / bare.checkMs),
        x(ours.instantiations / bare.instantiations),
        x(ours.memory / bare.memory),
      ],
    ],
  );
  return { coldBuildMs, cachedBuildMs, ours, bare };
}
