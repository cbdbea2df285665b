/**
 * Prism mock servers started in-process (TOOLCHAIN.md: ~50 ms each, versus ~1 s for the CLI).
 * Used by the contract tests and the demo. Prism ignores the base path of `servers[0].url`, so
 * clients point their `baseUrl` at the returned root URL.
 */
import { fileURLToPath } from "node:url";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";

export const SPECS_DIR = fileURLToPath(new URL("../specs/", import.meta.url));

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

export async function startMock(vendor: string, options: MockOptions = {}): Promise<MockServer> {
  return startMockOf(`${SPECS_DIR}${vendor}.yaml`, options);
}

/** A mock of any OpenAPI document: a file path, or a document object (a vendor's own, merged in memory). */
export async function startMockOf(document: string | object, options: MockOptions = {}): Promise<MockServer> {
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
