import { defineConfig } from "vitest/config";

// The tests spawn the built CLI (run `pnpm build` first; turbo's test task depends on it) and
// time interrupts against a live export: one file at a time keeps that timing out of contention.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
