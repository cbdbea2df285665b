/**
 * `--mock`: a Prism mock of the vendor's spec, started in this process on 127.0.0.1 (tens of
 * milliseconds, where the Prism CLI takes a second). The specs ship inside the package, in
 * `dist/specs/`. Prism ignores the spec's server base path, so clients use the mock's root URL.
 */
import { fileURLToPath } from "node:url";

export interface Mock {
  url: string;
  close(): Promise<void>;
}

export async function startMock(vendor: string): Promise<Mock> {
  // Loaded only for --mock: Prism is large, and every other command starts faster without it.
  const [{ createLogger }, { getHttpOperationsFromSpec }, { createServer }] = await Promise.all([
    import("@stoplight/prism-core"),
    import("@stoplight/prism-http"),
    import("@stoplight/prism-http-server"),
  ]);
  const spec = fileURLToPath(new URL(`./specs/${vendor}.yaml`, import.meta.url));
  const operations = await getHttpOperationsFromSpec(spec);
  const server = createServer(operations, {
    cors: false,
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
      mock: { dynamic: false, ignoreExamples: false },
    },
    components: { logger: createLogger("mock", { level: "silent" }) as never },
  });
  const address = await server.listen(0, "127.0.0.1");
  return { url: address.replace(/\/$/, ""), close: () => server.close() };
}
