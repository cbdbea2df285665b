/**
 * Bundle size of the one-line browser app a user of each vendor writes (create the client, call
 * `customers.get`), bundled by esbuild as an app bundler would: minified ESM with code splitting
 * for the browser. "Start-up" is the app's entry plus every chunk it imports statically; chunks
 * reached only through `import()` load later, on first use (normalizing a phone or a time zone).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface BundleSize {
  name: string;
  /** Bytes loaded at start-up, minified. */
  startMin: number;
  /** The same files, each gzipped (as served). */
  startGzip: number;
  /** Bytes of the chunks loaded only on first use, minified. */
  lazyMin: number;
  lazyChunks: number;
}

/** Each vendor's one-line app; `create` is what its README shows, with a placeholder token. */
export const vendorApps: Record<string, string> = {
  homele: `import { createHomeleClient } from "@customer-api/homele";
console.log(await createHomeleClient({ token: "t" }).customers.get(42));`,
  pexip: `import { createPexipClient } from "@customer-api/pexip";
console.log(await createPexipClient({ enterprise: "acme", token: "t" }).customers.get("c-1"));`,
  shtara: `import { createShtaraClient } from "@customer-api/shtara";
console.log(await createShtaraClient({ token: "t" }).customers.get(42));`,
  hamgam: `import { createHamgamClient } from "@customer-api/hamgam";
console.log(await createHamgamClient({ token: "t", baseUrl: "https://acme.hamgam.online" }).customers.get(42));`,
  coax: `import { createCoaxClient } from "@customer-api/coax";
console.log(await createCoaxClient({ token: "t" }).customers.get("c-1"));`,
};

/** The same app without us: a generic client alone, for scale. */
export const libraryApps: Record<string, string> = {
  "openapi-fetch alone": `import createClient from "openapi-fetch";
console.log(await createClient({ baseUrl: "https://x" }).GET("/customers/{id}", { params: { path: { id: 42 } } }));`,
  "ky alone": `import ky from "ky";
console.log(await ky.get("https://x/customers/42").json());`,
  "axios alone": `import axios from "axios";
console.log((await axios.get("https://x/customers/42")).data);`,
};

export async function bundleSize(name: string, source: string): Promise<BundleSize> {
  const dir = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  try {
    const entryFile = join(dir, "app.mjs");
    writeFileSync(entryFile, source);
    const outdir = join(dir, "out");
    const result = await build({
      entryPoints: [entryFile],
      bundle: true,
      splitting: true,
      format: "esm",
      minify: true,
      platform: "browser",
      target: "es2022",
      outdir,
      write: true,
      metafile: true,
      absWorkingDir: root,
      nodePaths: [join(root, "node_modules")],
      logLevel: "silent",
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint?.endsWith("app.mjs"));
    if (entry === undefined) throw new Error(`${name}: esbuild produced no entry chunk`);
    const atStart = new Set([entry]);
    for (const path of atStart) {
      for (const i of outputs[path]!.imports) if (i.kind === "import-statement") atStart.add(i.path);
    }
    const size: BundleSize = { name, startMin: 0, startGzip: 0, lazyMin: 0, lazyChunks: 0 };
    for (const [path, output] of Object.entries(outputs)) {
      if (!path.endsWith(".js")) continue;
      if (atStart.has(path)) {
        size.startMin += output.bytes;
        size.startGzip += gzipSync(readFileSync(join(root, path))).length;
      } else {
        size.lazyMin += output.bytes;
        size.lazyChunks++;
      }
    }
    return size;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function vendorBundleSizes(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const [name, source] of Object.entries(vendorApps)) sizes.push(await bundleSize(name, source));
  return sizes;
}

export async function libraryBundleSizes(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const [name, source] of Object.entries(libraryApps)) sizes.push(await bundleSize(name, source));
  return sizes;
}
