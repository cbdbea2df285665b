/**
 * Runtimes and compilers the consumer test needs but a developer does not: Node 20, 22 and 24 (the
 * one running the test stands in for its own major), Deno,
 * Bun and TypeScript 7. Each comes from its npm package (they carry their binaries), installed on
 * first use into one folder per pinned version under node_modules/.cache, so reruns start at once
 * and a fresh clone fetches them once. Kept out of devDependencies: together they weigh ~300 MB,
 * which every `pnpm install` would pay for a test only the consumer run needs.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
export const CACHE_DIR = process.env.CUSTOMER_API_RUNTIME_CACHE ?? join(root, "node_modules", ".cache", "customer-api-runtimes");

export interface Tool {
  /** npm package and exact version: pinned so a cached folder is never stale. */
  pkg: string;
  version: string;
  /** The binary, relative to the install folder. */
  bin: string;
}

export const TOOLS = {
  node20: { pkg: "node", version: "20.20.2", bin: "node_modules/.bin/node" },
  node22: { pkg: "node", version: "22.23.3", bin: "node_modules/.bin/node" },
  node24: { pkg: "node", version: "24.21.0", bin: "node_modules/.bin/node" },
  deno: { pkg: "deno", version: "2.9.6", bin: "node_modules/.bin/deno" },
  bun: { pkg: "bun", version: "1.4.4", bin: "node_modules/.bin/bun" },
  tsc7: { pkg: "typescript", version: "7.0.2", bin: "node_modules/.bin/tsc" },
} satisfies Record<string, Tool>;

/** The path of the tool's binary, installing it first if this cache has not got it. */
export async function ensureTool(tool: Tool): Promise<string> {
  const dir = join(CACHE_DIR, `${tool.pkg}@${tool.version}`);
  const bin = join(dir, tool.bin);
  if (existsSync(bin)) return bin;
  mkdirSync(CACHE_DIR, { recursive: true });
  // Install beside the final folder and rename, so an interrupted install never looks finished.
  const tmp = mkdtempSync(join(CACHE_DIR, ".install-"));
  try {
    writeFileSync(join(tmp, "package.json"), JSON.stringify({ name: "runtime-cache", private: true }));
    await exec("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--no-save", `${tool.pkg}@${tool.version}`], {
      cwd: tmp,
    });
    if (!existsSync(join(tmp, tool.bin))) throw new Error(`${tool.pkg}@${tool.version} installed no ${tool.bin}`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return bin;
}

/** A Node binary of the given major: the one running this script when it is that major. */
export function ensureNode(major: 20 | 22 | 24): Promise<string> {
  if (Number(process.versions.node.split(".")[0]) === major) return Promise.resolve(process.execPath);
  return ensureTool(TOOLS[`node${major}`]);
}

// `tsx scripts/runtimes.ts` fetches every tool ahead of a run (CI can cache the folder).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, tool] of Object.entries(TOOLS)) console.log(name, await ensureTool(tool));
}
