import { defineConfig } from "tsup";

// Every published package builds the same way: ESM + CJS with their own .d.mts/.d.ts, and no
// "type" field in package.json: with "type": "module", the CJS build of code that imports
// openapi-fetch's default export fails at run time, and without it both builds work.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
