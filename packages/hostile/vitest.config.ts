import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["./test/hygiene.ts"],
    // Every test is bounded: a client that hangs fails here instead of stalling the run.
    testTimeout: 15_000,
    hookTimeout: 10_000,
    // Two cores: two files at a time keeps the limiter's load test from starving the others.
    maxWorkers: 2,
  },
});
