import { defineConfig } from "tsup";
import { packageConfig } from "../../tsup.config.base.js";

// Four entries: the public one, `vendor-kit`, `vendor-kit/normalize` and `vendor-kit/paging`. Shared modules go to
// chunks in both formats, so the error classes exist once and `instanceof` holds between what the
// entries hand out.
export default defineConfig(
  packageConfig(["src/index.ts", "src/vendor-kit.ts", "src/normalize/index.ts", "src/paging/index.ts"], {
    // The country-name locales are JSON modules: Node and Deno load them only with their
    // `{ with: { type: "json" } }` attribute, which esbuild drops for an es2022 target unless told it is supported.
    esbuildOptions(options) {
      options.supported = { ...options.supported, "import-attributes": true };
    },
  }),
);
