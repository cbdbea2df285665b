/**
 * Prism mock servers started in-process: about 50 ms each (the CLI takes about a second) and many
 * fit in one process. Used by the contract suite (the CLI's `--mock` starts its own the same way). Prism ignores the base path of
 * `servers[0].url`, so clients point their `baseUrl` at the returned root URL.
 */
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";

/** The repo's specs folder, where a vendor name's spec lives (`specs/<vendor>.yaml`). */
export const SPECS_DIR = fileURLToPath(new URL("../../../specs/", import.meta.url));

export interface MockServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface MockOptions {
  /** Random schema-valid data instead of the examples. */
  dynamic?: boolean;
  /** Makes dynamic data repeatable. */
  seed?: string;
}

/**
 * A Prism mock of an OpenAPI document, validating requests and responses: a file path, or a document
 * object (a vendor's own, merged in memory).
 */
export async function startMock(document: string | object, options: MockOptions = {}): Promise<MockServer> {
  // Prism dereferences the object in place: give it a copy.
  const operations = await getHttpOperationsFromSpec(typeof document === "string" ? document : structuredClone(document));
  const server = createServer(operations, {
    cors: false,
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
      mock: { dynamic: options.dynamic ?? false, ignoreExamples: false, ...(options.seed ? { seed: options.seed } : {}) },
    },
    components: { logger: createLogger("mock", { level: "silent" }) as never },
  });
  const address = await server.listen(0, "127.0.0.1");
  return { url: address.replace(/\/$/, ""), close: () => server.close() };
}

/** A path containing this (as an id: `404404`, or a UUID ending in it) gets the mock's documented 404. */
export const MISSING_ID_MARK = "404404";

export interface MockGateway {
  /** `http://127.0.0.1:PORT`; a vendor's mock is at `${url}/${vendor}`. */
  url: string;
  /** Requests received per vendor, so a caller can prove a client really called out. */
  calls: Record<string, number>;
  close(): Promise<void>;
}

/**
 * One node:http server in front of a Prism mock per vendor: `/<vendor>/...` goes to that vendor's
 * mock. A mock answers every id with its example, so an id containing MISSING_ID_MARK is sent
 * with `Prefer: code=404` to reach the documented 404 the way a client meets it, by id alone.
 */
export async function startMockGateway(vendors: string[]): Promise<MockGateway> {
  const mocks: Record<string, MockServer> = {};
  for (const v of vendors) mocks[v] = await startMock(`${SPECS_DIR}${v}.yaml`);
  const calls: Record<string, number> = Object.fromEntries(vendors.map((v) => [v, 0]));
  const server = createHttpServer(async (req, res) => {
    try {
      const [, vendor, ...rest] = (req.url ?? "/").split("/");
      const mock = vendor ? mocks[vendor] : undefined;
      if (!vendor || !mock) {
        res.writeHead(400).end("unknown vendor");
        return;
      }
      calls[vendor]!++;
      const path = `/${rest.join("/")}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string" && !["host", "connection"].includes(k)) headers.set(k, v);
      if (path.includes(MISSING_ID_MARK)) headers.set("prefer", "code=404");
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = await fetch(mock.url + path, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      // fetch has decoded the body already, so its framing headers no longer apply.
      answer.headers.forEach((v, k) => {
        if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(k)) out[k] = v;
      });
      res.writeHead(answer.status, out).end(body);
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const m of Object.values(mocks)) await m.close();
    },
  };
}
