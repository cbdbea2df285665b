/**
 * Several worker processes (the built package, as users run it) against one local server: the
 * server's own record of arrivals shows whether the workers kept one shared limit between them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { json, startServer, type TestServer } from "@customer-api/testkit";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { createRedisLimiter } from "../src/index.js";
import { describeWithRedis, type RedisServer, startRedis } from "./redis-server.js";

const WORKER = fileURLToPath(new URL("./fixtures/worker.mjs", import.meta.url));

interface WorkerConfig {
  worker: number;
  vendor: string;
  limit: number;
  intervalMs: number;
  concurrency?: number;
  leaseMs?: number;
  marginMs?: number | undefined;
  calls: number;
  parallel?: number;
  path: string;
}

interface Worker {
  child: ChildProcess;
  /** Outcome counts by name ("ok", an error class, "status 429"...), once the worker exits. */
  done: Promise<Record<string, number>>;
}

/** The highest number of arrivals within any `windowMs` (arrivals sorted, in ms). */
function busiestWindow(arrivals: number[], windowMs: number): number {
  let most = 0;
  for (let first = 0, last = 0; last < arrivals.length; last++) {
    while (arrivals[last]! - arrivals[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describeWithRedis("many worker processes, one limit", () => {
  let redis: RedisServer;
  let http: TestServer;
  /** What the server saw: arrival times (performance.now) and the most requests in flight at once. */
  let arrivals: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let respond: (res: ServerResponse, path: string, arrival: number) => void = (res) => json(res, 200, { ok: true });
  const children = new Set<ChildProcess>();

  const runWorker = (config: WorkerConfig): Worker => {
    const settings = { redisUrl: redis.url, serverUrl: http.url, credential: "shared-api-key", ...config };
    const child = spawn(process.execPath, [WORKER], {
      env: { ...process.env, WORKER_CONFIG: JSON.stringify(settings) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    const done = new Promise<Record<string, number>>((resolve, reject) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        children.delete(child);
        if (code === 0) resolve(JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>);
        else reject(new Error(`worker ${config.worker} exited with ${code ?? signal}: ${stderr}`));
      });
    });
    return { child, done };
  };

  beforeAll(async () => {
    redis = await startRedis();
    http = await startServer((req, res) => {
      const arrival = performance.now();
      arrivals.push(arrival);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.once("close", () => inFlight--);
      respond(res, req.url ?? "", arrival);
    });
  }, 15_000);
  beforeEach(() => {
    arrivals = [];
    inFlight = 0;
    maxInFlight = 0;
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await http?.close();
    await redis?.dispose();
  }, 15_000);

  test("4 workers x 250 calls, limit 100/s and concurrency 4: never more than 4 in flight nor 100 starts in any second", async () => {
    // 5-25 ms per answer: 16 lanes could go several times faster than 100/s, so both caps bind.
    respond = (res) => {
      setTimeout(() => json(res, 200, { ok: true }), 5 + Math.random() * 20);
    };
    // The margin covers the time between a grant and its arrival at the server. On a 2-core machine
    // shared with other test suites a process can stall for over 100 ms in between (measured: the
    // grants kept 100 per second on Redis's clock while the server saw 101-104), so the test gives
    // the margin such a machine needs. The window's exact edge is tested in one process, margin 0.
    const marginMs = 250;
    const workers = [0, 1, 2, 3].map((worker) =>
      runWorker({
        marginMs,
        worker,
        vendor: "load",
        limit: 100,
        intervalMs: 1_000,
        concurrency: 4,
        calls: 250,
        parallel: 4,
        path: "/customers",
      }),
    );
    const outcomes = await Promise.all(workers.map((w) => w.done));
    expect(outcomes).toEqual([{ ok: 250 }, { ok: 250 }, { ok: 250 }, { ok: 250 }]);
    expect(arrivals.length).toBe(1_000);
    const sorted = [...arrivals].sort((a, b) => a - b);
    const busiest = busiestWindow(sorted, 1_000);
    console.log(
      `4 workers: ${arrivals.length} calls in ${Math.round(sorted.at(-1)! - sorted[0]!)} ms, ` +
        `busiest second ${busiest} starts, most in flight ${maxInFlight}`,
    );
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(busiest).toBeLessThanOrEqual(100);
    // Both caps were reached, so the limits were tested, not merely undershot.
    expect(maxInFlight).toBe(4);
    expect(busiest).toBeGreaterThanOrEqual(60);
  }, 50_000);

  test("a worker killed with SIGKILL mid-request frees its slot within the lease", async () => {
    const leaseMs = 1_000;
    let hung = () => {};
    const hanging = new Promise<void>((resolve) => (hung = resolve));
    respond = (res, path) => {
      if (path.startsWith("/hang"))
        hung(); // and never answer
      else json(res, 200, { ok: true });
    };
    const victim = runWorker({
      worker: 9,
      vendor: "kill",
      limit: 100,
      intervalMs: 1_000,
      concurrency: 1,
      leaseMs,
      calls: 1,
      path: "/hang",
    });
    victim.done.catch(() => undefined);
    await hanging;

    const survivor = createRedisLimiter({
      url: redis.url,
      vendor: "kill",
      credential: "shared-api-key",
      limit: 100,
      intervalMs: 1_000,
      concurrency: 1,
      leaseMs,
    });
    try {
      // While the victim lives, it renews its lease: its slot stays taken for well past one lease.
      await expect(survivor.acquire(AbortSignal.timeout(2.5 * leaseMs))).rejects.toMatchObject({ name: "TimeoutError" });
      const killedAt = performance.now();
      victim.child.kill("SIGKILL");
      const release = await survivor.acquire(AbortSignal.timeout(5 * leaseMs));
      const freedAfter = performance.now() - killedAt;
      release();
      console.log(`slot freed ${Math.round(freedAfter)} ms after SIGKILL (lease ${leaseMs} ms)`);
      // The lease, plus room for one poll and a busy machine's scheduling.
      expect(freedAfter).toBeLessThanOrEqual(leaseMs + 500);
      await expect(victim.done).rejects.toThrow("SIGKILL");
    } finally {
      await survivor.close();
    }
  }, 20_000);

  test("a 429 with Retry-After seen by one worker pauses all of them", async () => {
    let calls = 0;
    const perWorker = 30;
    let pausedAt: number | undefined;
    respond = (res, _path, arrival) => {
      if (++calls === 60) {
        pausedAt = arrival;
        json(res, 429, { message: "slow down" }, { "retry-after": "1" });
      } else {
        setTimeout(() => json(res, 200, { ok: true }), 5);
      }
    };
    const workers = [0, 1, 2, 3].map((worker) =>
      runWorker({
        worker,
        vendor: "pause",
        limit: 100,
        intervalMs: 1_000,
        concurrency: 4,
        calls: perWorker,
        parallel: 2,
        path: "/customers",
      }),
    );
    const outcomes = await Promise.all(workers.map((w) => w.done));

    // Every call succeeded, the one that got the 429 on its retry.
    expect(outcomes).toEqual(Array(4).fill({ ok: perWorker }));
    expect(arrivals.length).toBe(4 * perWorker + 1);
    const at = pausedAt!;
    const soonAfter = arrivals.filter((t) => t > at && t <= at + 250).length;
    const duringPause = arrivals.filter((t) => t > at + 250 && t < at + 950).length;
    console.log(`429 pause: ${soonAfter} arrivals in the first 250 ms (already let through), ${duringPause} after`);
    // Requests let through before the pause reached Redis may still land in the first 250 ms: those
    // in flight, and those that took the 429's slot between its release and the pause. How many
    // depends on the machine's scheduling (8 on a quiet one, 13 with both cores busy), so it is
    // logged, not bounded. The guarantee is what follows: nobody starts until the second is up,
    // where at 100/s about 70 would have.
    expect(duringPause).toBe(0);
    expect(arrivals.filter((t) => t >= at + 950).length).toBeGreaterThan(40);
  }, 30_000);
});
