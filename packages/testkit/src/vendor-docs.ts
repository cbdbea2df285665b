/**
 * The vendors' own published documents, read where the project keeps them: `../shared/vendor-specs`
 * beside the repository (never copied into it). Used by `pnpm spec:diff` and by the contract tests
 * that run our clients against Prism mocks of the vendors' own OpenAPI documents.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/**
 * Where the vendor documents are: `VENDOR_SPECS_DIR` when set, else `<repo>/../shared/vendor-specs`;
 * in a git worktree the main checkout's sibling `shared` counts too (a worktree lives elsewhere).
 */
export function vendorSpecsDir(): { dir: string | undefined; looked: string[] } {
  const looked: string[] = [];
  const candidates = [process.env.VENDOR_SPECS_DIR, join(REPO_ROOT, "..", "shared", "vendor-specs")];
  const dotGit = join(REPO_ROOT, ".git");
  if (existsSync(dotGit) && !readdirSafe(dotGit)) {
    // A worktree's `.git` is a file: `gitdir: <main>/.git/worktrees/<name>`.
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1]?.trim();
    if (gitdir) candidates.push(join(gitdir, "..", "..", "..", "..", "shared", "vendor-specs"));
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    looked.push(candidate);
    if (existsSync(candidate)) return { dir: candidate, looked };
  }
  return { dir: undefined, looked };
}

function readdirSafe(path: string): string[] | undefined {
  try {
    return readdirSync(path);
  } catch {
    return undefined;
  }
}

/** The text of `<vendor>/<file>`. */
export function readVendorFile(dir: string, vendor: string, file: string): string {
  return readFileSync(join(dir, vendor, file), "utf8");
}

export function vendorFiles(dir: string, vendor: string): string[] {
  return readdirSync(join(dir, vendor)).sort();
}

/** The ```yaml blocks of a docs page (Salla's and Homele's pages each embed one OpenAPI document). */
export function yamlBlocks(markdown: string): { text: string; closed: boolean }[] {
  return [...markdown.matchAll(/^(`{3,})yaml[^\n]*\n([\s\S]*?)(?:^(\1)\s*$|$(?![\s\S]))/gm)].map((m) => ({
    text: m[2]!,
    closed: m[3] !== undefined,
  }));
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed vendor document is walked field by field without a schema
type Doc = Record<string, any>;

/**
 * Salla publishes one OpenAPI 3.0.1 document per endpoint (one per page); merged here into one
 * document: every path's operations side by side, components united (the pages repeat the same
 * component definitions; a name defined two different ways is an error, not a silent pick).
 */
export function mergedShtaraDocument(dir: string): Doc {
  const merged: Doc = {
    openapi: "3.0.1",
    info: { title: "Salla merchant API: customers (merged)", version: "1.0.0" },
    paths: {},
    components: { schemas: {}, securitySchemes: {} },
  };
  for (const file of vendorFiles(dir, "shtara").filter((f) => f.endsWith(".md"))) {
    for (const block of yamlBlocks(readVendorFile(dir, "shtara", file))) {
      if (!block.closed) throw new Error(`${file}: its OpenAPI block is cut`);
      const doc = parse(block.text) as Doc;
      if (!doc?.openapi) continue;
      for (const [path, item] of Object.entries<Doc>(doc.paths ?? {})) {
        merged.paths[path] ??= {};
        for (const [method, operation] of Object.entries(item)) {
          if (merged.paths[path][method]) throw new Error(`${file}: ${method.toUpperCase()} ${path} is defined twice`);
          merged.paths[path][method] = operation;
        }
      }
      for (const kind of ["schemas", "securitySchemes"] as const) {
        for (const [name, value] of Object.entries(doc.components?.[kind] ?? {})) {
          const known = merged.components[kind][name];
          if (known && JSON.stringify(known) !== JSON.stringify(value))
            throw new Error(`${file}: components.${kind}.${name} differs from another page's`);
          merged.components[kind][name] = value;
        }
      }
      merged.security ??= doc.security;
      // Salla's first server is the empty "Cloud Mock" URL; the production one is what a client uses.
      merged.servers ??= (doc.servers ?? []).filter((s: Doc) => s.url);
    }
  }
  return merged;
}

/**
 * The OpenAPI embedded in a page whose stored copy may be cut mid-document: trailing lines are
 * dropped until the rest parses. `complete` says whether anything had to be dropped.
 */
export function parseEmbeddedOpenApi(markdown: string): { doc: Doc; complete: boolean } | undefined {
  const block = yamlBlocks(markdown)[0];
  if (block === undefined) return undefined;
  const lines = block.text.split("\n");
  for (let end = lines.length; end > 0; end--) {
    try {
      const doc = parse(lines.slice(0, end).join("\n")) as Doc;
      if (doc && typeof doc === "object" && doc.openapi) return { doc, complete: block.closed && end === lines.length };
    } catch {
      // cut mid-line or mid-block: drop one more line
    }
  }
  return undefined;
}

/** Homele's complete embedded document (show.md), the one a Prism mock can serve. */
export function homeleShowDocument(dir: string): Doc | undefined {
  const parsed = parseEmbeddedOpenApi(readVendorFile(dir, "homele", "show.md"));
  return parsed?.complete ? parsed.doc : undefined;
}

export const sharedDirOf = (vendorSpecs: string) => dirname(vendorSpecs);

/**
 * The vendor documents' folder for a test that needs them, or undefined (with a plain message)
 * when absent. Under CI=true a missing folder throws: CI always has `shared/` beside its clone, so
 * a check that silently skipped there would prove nothing.
 */
export function vendorDocsForTests(what: string): string | undefined {
  const { dir, looked } = vendorSpecsDir();
  if (dir) return dir;
  const line = `${what}: the vendors' documents were not found (looked in ${looked.join(", ")})`;
  if (process.env.CI === "true") throw new Error(`${line}; CI always has shared/ beside its clone`);
  console.warn(`skipped: ${line}`);
  return undefined;
}
