/**
 * The bench's HTTP server, always in a child process: a server in the client's own event loop
 * shares its CPU and its turns with the code being measured, and the measurement with it.
 * `node:http` with keep-alive; bodies are built once, before the first request.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
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
    execArgv: ["--import", "tsx"],
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
    if (config.latencyMs) setTimeout(answer, config.latencyMs);
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

if (process.env.BENCH_SERVER) serve(JSON.parse(process.env.BENCH_SERVER) as ServerConfig);
