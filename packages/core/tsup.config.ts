import { defineConfig, type Options } from "tsup";
import base from "../../tsup.config.base.js";

export default defineConfig({
  ...(base as Options),
  // The country-name locales are JSON modules: Node and Deno load them only with their
  // `{ with: { type: "json" } }` attribute, which esbuild drops for an es2022 target unless told it is supported.
  esbuildOptions(options) {
    options.supported = { ...options.supported, "import-attributes": true };
  },
});
