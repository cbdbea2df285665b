import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// A command-line tool for Node: one ESM file with a shebang; its dependencies stay installed packages.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  banner: { js: "#!/usr/bin/env node" },
  define: { CLI_VERSION: JSON.stringify(version) },
  // `--mock` loads the vendors' specs from the package itself: ship a copy of the repo's specs/.
  onSuccess: async () => {
    const specs = new URL("../../specs/", import.meta.url);
    const target = new URL("./dist/specs/", import.meta.url);
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(specs).filter((name) => name.endsWith(".yaml"))) {
      copyFileSync(new URL(file, specs), new URL(file, target));
    }
  },
});
