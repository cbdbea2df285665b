import { defineConfig } from "tsup";

// ESM + CJS with their own .d.mts/.d.ts; no "type" field in package.json (see TOOLCHAIN.md).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
