import { defineConfig } from "vitest/config";

// One test file at a time: each starts its own redis-server, and the multi-process test measures
// arrival times, which a second suite competing for the same two cores would only blur.
export default defineConfig({ test: { fileParallelism: false } });
