/**
 * A hostile vendor on 127.0.0.1: a `node:http` server that answers from a per-test script of
 * replies (429 storms, 5xx bursts, dropped connections, stalls, broken bodies, redirects) and
 * records every request exactly as it arrived, so tests assert on what went over the wire.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface SeenRequest {
  method: string;
  /** The request target exactly as it arrived: raw (still percent-encoded) path and query. */
  url: string;
  /** The raw path, without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request's headers arrived. */
  at: number;
  /** `performance.now()` when the answer finished or the socket went away. */
  doneAt: number | undefined;
  /** Requests in flight at this server when this one arrived, itself included. */
  inFlight: number;
  /** 1-based position among the requests this server has seen. */
  n: number;
}

type Headers = Record<string, string>;

/** One scripted answer. Plain data, so a test reads as a list of what the server does. */
export type Reply =
  | { kind: "json"; status: number; body: unknown; headers?: Headers | undefined }
  | { kind: "text"; status: number; body: string; contentType: string | null; headers?: Headers | undefined }
  /** Drop the connection before any header is sent. */
  | { kind: "reset" }
  /** Send the headers and part of the body, then drop the connection. */
  | { kind: "reset-mid-body"; status: number; partial: string }
  /** Never answer (until the client gives up or the server closes). */
  | { kind: "stall" }
  /** Wait, then answer with `then`: headers slower than the client's timeout. */
  | { kind: "slow-headers"; delayMs: number; then: Reply }
  /** Headers at once, the body `delayMs` later. */
  | { kind: "slow-body"; delayMs: number; status: number; body: unknown }
  | { kind: "redirect"; status: 301 | 302 | 303 | 307 | 308; location: string; body?: string | undefined };

/** A reply computed from the request (echoing its headers, paging by its query). */
export type Responder = (request: SeenRequest) => Reply | Promise<Reply>;

export const reply = {
  json: (status: number, body: unknown, headers?: Headers): Reply => ({ kind: "json", status, body, headers }),
  text: (status: number, body: string, contentType: string | null = "text/plain", headers?: Headers): Reply => ({
    kind: "text",
    status,
    body,
    contentType,
    headers,
  }),
  empty: (status = 200, headers?: Headers): Reply => ({ kind: "text", status, body: "", contentType: null, headers }),
  reset: (): Reply => ({ kind: "reset" }),
  resetMidBody: (status = 200, partial = '{"data": {"id": '): Reply => ({ kind: "reset-mid-body", status, partial }),
  stall: (): Reply => ({ kind: "stall" }),
  slowHeaders: (delayMs: number, then: Reply): Reply => ({ kind: "slow-headers", delayMs, then }),
  slowBody: (delayMs: number, status: number, body: unknown): Reply => ({ kind: "slow-body", delayMs, status, body }),
  redirect: (status: 301 | 302 | 303 | 307 | 308, location: string, body?: string): Reply => ({
    kind: "redirect",
    status,
    location,
    body,
  }),
};

/** Which requests a script applies to: `"GET /customers/42"`, `"/customers/42"` (raw path), a RegExp on `"METHOD path"`, or a predicate. */
export type Matcher = string | RegExp | ((request: SeenRequest) => boolean);

interface Script {
  matches(request: SeenRequest): boolean;
  steps: (Reply | Responder)[];
  used: number;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  origin: string;
  requests: SeenRequest[];
  /** The most requests this server had in flight at once. */
  readonly maxInFlight: number;
  /**
   * Answer matching requests with these steps in order; the last step repeats. Later scripts
   * win over earlier ones, and any script wins over the fallback.
   */
  script(matcher: Matcher, ...steps: (Reply | Responder)[]): FaultServer;
  /** The answer for requests no script matches (default: a JSON 404). */
  fallback(responder: Responder | Reply): FaultServer;
  /** Forget recorded requests (the scripts stay). */
  clearRequests(): void;
  /** Destroy every socket, clear every pending timer and stop listening. */
  close(): Promise<void>;
}

function toMatcher(matcher: Matcher): (request: SeenRequest) => boolean {
  if (typeof matcher === "function") return matcher;
  if (matcher instanceof RegExp) return (r) => matcher.test(`${r.method} ${r.path}`);
  const space = matcher.indexOf(" ");
  if (space === -1) return (r) => r.path === matcher;
  const method = matcher.slice(0, space);
  const path = matcher.slice(space + 1);
  return (r) => r.method === method && r.path === path;
}

export async function startFaultServer(): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  const scripts: Script[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let fallback: Responder | Reply = reply.json(404, { message: "no script for this request" });
  let inFlight = 0;
  let maxInFlight = 0;
  let closed = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) run();
    }, ms);
    timers.add(timer);
  };

  const send = (res: ServerResponse, answer: Reply): void => {
    if (closed || res.destroyed) return;
    switch (answer.kind) {
      case "json": {
        const text = JSON.stringify(answer.body);
        res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
        res.end(text);
        return;
      }
      case "text": {
        const headers: Headers = { ...answer.headers };
        if (answer.contentType !== null) headers["content-type"] = answer.contentType;
        res.writeHead(answer.status, headers);
        res.end(answer.body);
        return;
      }
      case "reset":
        res.socket?.destroy();
        return;
      case "reset-mid-body":
        res.writeHead(answer.status, { "content-type": "application/json", "content-length": "4096" });
        res.write(answer.partial, () => later(5, () => res.socket?.destroy()));
        return;
      case "stall":
        return;
      case "slow-headers":
        later(answer.delayMs, () => send(res, answer.then));
        return;
      case "slow-body": {
        const text = JSON.stringify(answer.body);
        res.writeHead(answer.status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
        res.flushHeaders();
        later(answer.delayMs, () => res.end(text));
        return;
      }
      case "redirect": {
        const headers: Headers = { location: answer.location };
        if (answer.body !== undefined) headers["content-type"] = "text/plain";
        res.writeHead(answer.status, headers);
        res.end(answer.body ?? "");
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const rawUrl = req.url ?? "/";
    const queryAt = rawUrl.indexOf("?");
    const seen: SeenRequest = {
      method: req.method ?? "",
      url: rawUrl,
      path: queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt),
      query: new URLSearchParams(queryAt === -1 ? "" : rawUrl.slice(queryAt + 1)),
      headers: req.headers,
      body: "",
      at: performance.now(),
      doneAt: undefined,
      inFlight,
      n: requests.length + 1,
    };
    requests.push(seen);
    res.on("close", () => {
      inFlight--;
      seen.doneAt = performance.now();
    });
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => undefined);
    req.on("end", () => {
      seen.body = Buffer.concat(chunks).toString("utf8");
      let script: Script | undefined;
      for (let i = scripts.length - 1; i >= 0 && !script; i--) if (scripts[i]!.matches(seen)) script = scripts[i];
      let step: Reply | Responder;
      if (script) {
        step = script.steps[Math.min(script.used, script.steps.length - 1)]!;
        script.used++;
      } else {
        step = fallback;
      }
      Promise.resolve(typeof step === "function" ? step(seen) : step).then(
        (answer) => send(res, answer),
        (error: unknown) => send(res, reply.text(599, `fault server script failed: ${String(error)}`)),
      );
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A client dropping a stalled request mid-stream is expected here, not an error.
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const api: FaultServer = {
    url: origin,
    origin,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    script(matcher, ...steps) {
      if (steps.length === 0) throw new Error("script() needs at least one reply");
      scripts.push({ matches: toMatcher(matcher), steps, used: 0 });
      return api;
    },
    fallback(responder) {
      fallback = responder;
      return api;
    },
    clearRequests() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}
