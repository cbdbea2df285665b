/**
 * The bench's HTTP server, always in a child process: a server in the client's own event loop
 * shares its CPU and its turns with the code being measured, and the measurement with it.
 * `node:http` with keep-alive; bodies are built once, before the first request.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { offBenchCpu } from "./cpu-pinning.js";
import { homeleCustomerBody, type PagingStyle, pageBody, pageIndex } from "./fixtures.js";

export interface ServerConfig {
  /** Serve this many pages of `pageSize` records for a paging style's list path; none by default. */
  paging?: { style: PagingStyle; pages: number; pageSize: number };
  /** Wait before each answer (a remote vendor's round trip). */
  latencyMs?: number;
}

export interface BenchServer {
  url: string;
  /** The most requests the server held at once since the last call, which starts the count anew. */
  maxInFlight(): Promise<number>;
  /** CPU microseconds (user + system) the server process has used so far. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const self = fileURLToPath(import.meta.url);

export async function startServer(config: ServerConfig = {}): Promise<BenchServer> {
  const child = fork(self, [], {
    env: { ...process.env, BENCH_SERVER: JSON.stringify(config) },
    ...offBenchCpu(["--import", "tsx"]),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    maxInFlight: () => ask(child, "maxInFlight"),
    cpuMicros: () => ask(child, "cpuMicros"),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

function ask(child: ChildProcess, question: "maxInFlight" | "cpuMicros"): Promise<number> {
  return new Promise((resolve) => {
    child.once("message", (m: { answer: number }) => resolve(m.answer));
    child.send(question);
  });
}

function serve(config: ServerConfig): void {
  const json = { "content-type": "application/json" };
  const single = Buffer.from(homeleCustomerBody);
  const paging = config.paging;
  const pages = paging
    ? Array.from({ length: paging.pages }, (_, i) => Buffer.from(pageBody(paging.style, i, paging.pages, paging.pageSize)))
    : [];
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const url = new URL(req.url ?? "/", "http://x");
    let body: Buffer | undefined;
    if (paging && !/\/customers\/[^/]+$/.test(url.pathname))
      body = pages[pageIndex(paging.style, url.searchParams, paging.pageSize)];
    else if (/\/customers\/[^/]+$/.test(url.pathname)) body = single;
    const answer = () => {
      inFlight--;
      if (body === undefined) res.writeHead(404, json).end('{"message":"not found"}');
      else res.writeHead(200, { ...json, "content-length": body.length }).end(body);
    };
    if (config.latencyMs) after(config.latencyMs, answer);
    else answer();
  });
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on("message", (question) => {
    if (question === "cpuMicros") {
      const cpu = process.cpuUsage();
      process.send!({ answer: cpu.user + cpu.system });
    } else {
      process.send!({ answer: maxInFlight });
      maxInFlight = inFlight;
    }
  });
  process.on("disconnect", () => process.exit(0));
}

/**
 * Calls `fn` once `ms` have passed, to a few microseconds: a Node timer set for 20 ms fires at
 * 20.6 ms on average here, which a walk of 1,000 pages would count as the client's. The timer
 * wakes the server a little early, and turns of the event loop take it the rest of the way.
 */
function after(ms: number, fn: () => void): void {
  const due = performance.now() + ms;
  const spin = () => (performance.now() >= due ? fn() : setImmediate(spin));
  setTimeout(spin, Math.max(0, ms - TIMER_SLACK_MS));
}

/** How much earlier than due the timer is set: more than a timer's usual lateness on a busy machine. */
const TIMER_SLACK_MS = 2;

if (process.env.BENCH_SERVER) serve(JSON.parse(process.env.BENCH_SERVER) as ServerConfig);
