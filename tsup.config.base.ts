import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { defineConfig, type Options } from "tsup";

// A dynamic import of a relative module in code (not in a comment, not `typeof import(...)`).
const LAZY_IMPORT = /^(?!\s*(?:\*|\/\/)).*?(?<!typeof )\bimport\(\s*"(\.{1,2}\/[^"]+)\.js"/gm;

/**
 * The modules a package loads with `import()`, each built as an entry of its own. An entry keeps its
 * plain file name (`on-failure.mjs`), where a split-off chunk gets a hash (`on-failure-R34BQYSA.mjs`):
 * an app's bundler names its own chunk after that file and adds a hash of its own, so without this
 * every lazy import in an app's start-up code carries two hashes of random letters gzip cannot shrink.
 */
export function lazyModules(srcDir = "src"): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(srcDir, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file.endsWith(".d.ts")) continue;
    const text = readFileSync(join(srcDir, file), "utf8");
    for (const [, target] of text.matchAll(LAZY_IMPORT)) {
      found.add(relative(".", join(srcDir, dirname(file), `${target}.ts`)));
    }
  }
  return [...found].sort();
}

/**
 * How every published package builds: ESM + CJS with their own .d.mts/.d.ts (for `entry` only), and
 * no "type" field in package.json: with "type": "module", the CJS build of code that imports
 * openapi-fetch's default export fails at run time, and without it both builds work.
 */
export function packageConfig(entry: string[] = ["src/index.ts"], extra: Options = {}): Options {
  return {
    entry: [...entry, ...lazyModules()],
    format: ["esm", "cjs"],
    dts: { entry },
    // Modules shared by the entries go to chunks in both formats, so that each exists once.
    splitting: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    ...extra,
  };
}

export default defineConfig(packageConfig());
