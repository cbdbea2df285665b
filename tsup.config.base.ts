import { defineConfig } from "tsup";

// Every published package builds the same way: ESM + CJS with their own .d.mts/.d.ts, and no
// "type" field in package.json (see TOOLCHAIN.md: that is what keeps the CJS build working).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
