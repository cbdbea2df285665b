/**
 * What sharing the limit through Redis costs per call, as a ratio to the in-memory `RateLimiter`,
 * on a local redis-server this script starts and stops. Two measures, each in interleaved rounds
 * (memory, Redis, memory, Redis, ...) so that the machine's changing load falls on both alike:
 *
 * - limiter: `acquire()` then `release()`, nothing else: the limiter's own cost per call.
 * - client call: a GET through a core client against a local node:http server, which is what a
 *   request really pays.
 *
 * Limits are set far above what the loop reaches, so neither limiter ever waits: this is overhead,
 * not throttling. Prints min / median / max of the per-round ratio (Redis / memory; 1.0 = no cost).
 *
 *   node --import tsx packages/redis/bench/overhead.ts [--rounds 7] [--calls 2000] [--json]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { type Limiter, RateLimiter } from "@customer-api/core";
import { createApiClient } from "@customer-api/core/vendor-kit";
import { createRedisLimiter } from "../src/index.js";
import { startRedis } from "../test/redis-process.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "7" },
    calls: { type: "string", default: "2000" },
    json: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const calls = Number(values.calls);

// Room for every call of a round (the in-memory limiter keeps a slot per allowed start, so its limit
// stays at `calls`); Redis keeps only the last second's starts whatever the limit.
const memorySettings = { limit: calls, intervalMs: 1_000, concurrency: 1_000 };
const redisSettings = { ...memorySettings, limit: 1_000_000 };

async function limiterOnly(limiter: Limiter): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) (await limiter.acquire())();
  return (performance.now() - started) / calls;
}

async function clientCalls(limiter: Limiter, baseUrl: string): Promise<number> {
  // biome-ignore lint: the paths are irrelevant here
  const api = createApiClient<any>({ vendor: "bench" }, { baseUrl, rateLimit: limiter, maxRetries: 0 });
  const started = performance.now();
  for (let i = 0; i < calls; i++) await api.client.GET("/customers", {});
  return (performance.now() - started) / calls;
}

function summary(ratios: number[]) {
  const sorted = [...ratios].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
}

// A function, not top-level await: this package has no "type" field, so .ts files load as CommonJS.
async function main(): Promise<void> {
  const redisServer = await startRedis();
  const http = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const shared = createRedisLimiter({ url: redisServer.url, vendor: "bench", credential: "bench", ...redisSettings });

  try {
    // Warm up both paths (JIT, the script cache, keep-alive connections) before measuring.
    const memory = new RateLimiter(memorySettings);
    await limiterOnly(memory);
    await limiterOnly(shared);
    await clientCalls(memory, baseUrl);
    await clientCalls(shared, baseUrl);

    const results = {
      limiter: { memory: [] as number[], redis: [] as number[] },
      client: { memory: [] as number[], redis: [] as number[] },
    };
    // The order alternates from round to round, so that neither limiter always runs first.
    for (let round = 0; round < rounds; round++) {
      const steps = [
        async () => results.limiter.memory.push(await limiterOnly(new RateLimiter(memorySettings))),
        async () => results.limiter.redis.push(await limiterOnly(shared)),
        async () => results.client.memory.push(await clientCalls(new RateLimiter(memorySettings), baseUrl)),
        async () => results.client.redis.push(await clientCalls(shared, baseUrl)),
      ];
      const order = round % 2 === 0 ? [0, 1, 2, 3] : [1, 0, 3, 2];
      for (const i of order) await steps[i]!();
    }

    const report = Object.fromEntries(
      (["limiter", "client"] as const).map((kind) => {
        const { memory: m, redis: r } = results[kind];
        const ratio = summary(r.map((value, i) => value / m[i]!));
        return [kind, { ratio, memoryUsMedian: summary(m).median * 1000, redisUsMedian: summary(r).median * 1000 }];
      }),
    );
    if (values.json) {
      console.log(JSON.stringify({ rounds, calls, ...report }));
    } else {
      console.log(`Redis limiter overhead, ${rounds} interleaved rounds of ${calls} calls (ratio = Redis / in-memory)`);
      for (const [kind, r] of Object.entries(report)) {
        const f = (n: number) => n.toFixed(2);
        console.log(
          `  ${kind === "limiter" ? "acquire+release" : "client GET     "}  ratio min ${f(r.ratio.min)} / median ${f(r.ratio.median)} / max ${f(r.ratio.max)}` +
            `   per call: in-memory ${r.memoryUsMedian.toFixed(1)} us, Redis ${r.redisUsMedian.toFixed(1)} us`,
        );
      }
    }
  } finally {
    await shared.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await redisServer.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
