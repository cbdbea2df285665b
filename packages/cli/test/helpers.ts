/**
 * Test support: run the built CLI as a user would (a child process), and a local node:http server
 * that answers like Coax with deterministic data, so exports can be compared record by record.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** An environment with no vendor credentials from the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(HOMELE|PEXIP|SHTARA|HAMGAM|COAX)_/.test(key)) env[key] = value;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
}

/** Run `customer-api ...args`; killed (and the test failed) if it runs past the timeout. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: cleanEnv(options.env),
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`customer-api ${args.join(" ")} ran past ${options.timeoutMs ?? 20_000} ms\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Start the CLI and hand back the child, for tests that interrupt it. */
export function spawnCli(args: string[], options: RunOptions = {}) {
  return spawn(process.execPath, [CLI, ...args], {
    env: cleanEnv(options.env),
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export interface CoaxRecord {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  avatar: null;
  company_name: string | null;
  tags: string[];
  source: string;
  status: string;
  location_id: string;
  business_id: string;
  created_at: string;
  updated_at: string;
}

const NAMES = [
  "Jane Citizen",
  'Sam "The Plumber" Lee',
  "محمد, أحمد",
  "علی رضایی",
  "Line\nBreak",
  "Trailing, comma,",
  "  spaced  ",
];

/** Customer `i` (0-based): the same on every call, with the text that CSV gets wrong (quotes, commas, line breaks, Arabic, Persian). */
export function coaxRecord(i: number): CoaxRecord {
  const n = String(i).padStart(12, "0");
  return {
    id: `00000000-0000-4000-8000-${n}`,
    name: NAMES[i % NAMES.length]!,
    email: i % 5 === 0 ? null : `customer${i}@example.com`,
    phone: `+614${String(10_000_000 + i).slice(-8)}`,
    address: i % 3 === 0 ? `${i} George St, Sydney NSW 2000` : null,
    avatar: null,
    company_name: i % 4 === 0 ? `شركة ${i}` : null,
    tags: i % 2 === 0 ? ["vip", "news,letter"] : [],
    source: "api",
    status: "active",
    location_id: "9b2d7e44-1c3a-4f5e-8d6b-7a9c0e1f2a33",
    business_id: "5e8a1f20-3b4c-4d6e-9f70-8a1b2c3d4e55",
    created_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    updated_at: new Date(Date.UTC(2024, 5, 1) + i * 60_000).toISOString(),
  };
}

export interface CoaxServerOptions {
  records: number;
  token: string;
  /** Delay before each list page, so an export runs long enough to be interrupted. */
  pageDelayMs?: number;
}

export interface CoaxServer {
  url: string;
  /** Every request's path and query, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Coax's routes over `records` deterministic customers. A wrong key gets a 401 that echoes it (in
 * the body and a request-id header), as a careless server might. Ids named `status-N` answer N;
 * `html` answers 200 with a web page, `drop` closes the connection, `slow` never answers.
 */
export async function startCoaxServer(options: CoaxServerOptions): Promise<CoaxServer> {
  const requests: string[] = [];
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${url.pathname}${url.search}`);
    const auth = req.headers.authorization ?? "";
    if (auth !== `Bearer ${options.token}`) {
      const echoed = auth.replace(/^Bearer /, "");
      return send(
        res,
        401,
        { success: false, message: `invalid key ${echoed}`, body: { key: echoed } },
        { "x-request-id": `req-${echoed}` },
      );
    }
    if (url.pathname === "/api/v2/customers") {
      const page = Number(url.searchParams.get("page") ?? "1");
      const size = Number(url.searchParams.get("page_size") ?? "20");
      const q = url.searchParams.get("q");
      if (options.pageDelayMs) await new Promise((r) => setTimeout(r, options.pageDelayMs));
      const matching =
        q === null
          ? undefined
          : Array.from({ length: options.records }, (_, i) => coaxRecord(i)).filter((r) => r.name?.includes(q));
      const total = matching ? matching.length : options.records;
      const start = (page - 1) * size;
      const customers = matching
        ? matching.slice(start, start + size)
        : Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, k) => coaxRecord(start + k));
      return send(res, 200, { success: true, message: "Customers fetched!", body: { customers, page, page_size: size, total } });
    }
    const match = /^\/api\/v2\/customers\/([^/]+)$/.exec(url.pathname);
    if (match) {
      const id = decodeURIComponent(match[1]!);
      const status = /^status-(\d{3})$/.exec(id);
      if (status) return send(res, Number(status[1]), { success: false, message: `forced ${status[1]}` }, { "retry-after": "0" });
      if (id === "html") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end("<html><body>Maintenance</body></html>");
      }
      if (id === "drop") return req.socket.destroy();
      if (id === "slow") return; // never answers
      const index = Number(/-(\d{12})$/.exec(id)?.[1] ?? Number.NaN);
      if (!Number.isInteger(index) || index >= options.records)
        return send(res, 404, { success: false, message: "Customer not found" });
      return send(res, 200, { success: true, message: "Customer fetched!", body: coaxRecord(index) });
    }
    send(res, 404, { success: false, message: "No such route" });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { success: false, message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Poll until `check` holds, or fail after `timeoutMs`. */
/**
 * How many pages a running export's checkpoint says are on disk: 0 before its first write and
 * after a finished export removes it (the CLI writes it atomically, so a read is never partial).
 * Tests wait for "at least n": an export moves on every few milliseconds, faster than a poll.
 */
export function checkpointPages(path: string): number {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return 0;
  }
  return (JSON.parse(text) as { position?: { pages?: number } }).position?.pages ?? 0;
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
