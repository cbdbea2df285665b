/**
 * Prism mock servers started in-process: about 50 ms each (the CLI takes about a second) and many
 * fit in one process. Used by the contract suite and the demo. Prism ignores the base path of
 * `servers[0].url`, so clients point their `baseUrl` at the returned root URL.
 */
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";

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
