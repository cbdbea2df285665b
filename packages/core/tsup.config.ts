import { defineConfig } from "tsup";
import base from "../../tsup.config.base.js";

// Two entries: the public one and `vendor-kit`. Shared modules go to chunks in both formats, so
// the error classes exist once and `instanceof` holds between what the two entries hand out.
// The normalization helpers are a third entry, `vendor-kit/normalize`.
export default defineConfig({
  ...(base as object),
  entry: ["src/index.ts", "src/vendor-kit.ts", "src/normalize/index.ts"],
  splitting: true,
});
