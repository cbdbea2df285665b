/**
 * `pnpm generate`, per vendor package (turbo runs it in each package folder): writes
 * `src/generated/schema.ts` (types, openapi-typescript) and `src/generated/descriptor.ts` (behaviour
 * facts from the spec's x-customer-api extensions). `--all` does every vendor of the workspace;
 * `--check` writes nothing and fails when a generated file differs from what the spec gives.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { asVendor, ROOT, readPackage, type VendorPackage, vendorPackages } from "../workspace.js";
import { descriptorSource } from "./descriptor.js";
import { SpecError } from "./spec.js";

export async function generatedFiles(pkg: VendorPackage): Promise<Map<string, string>> {
  const label = relative(ROOT, pkg.spec).startsWith("..") ? pkg.spec.split(/[\\/]/).pop()! : relative(ROOT, pkg.spec);
  const schema = `${COMMENT_HEADER}${astToString(await openapiTS(pathToFileURL(pkg.spec), { silent: true }))}`;
  const out = join(pkg.dir, "src", "generated");
  return new Map([
    [join(out, "schema.ts"), schema],
    [join(out, "descriptor.ts"), descriptorSource(pkg.spec, pkg.vendor, label)],
  ]);
}

async function main(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const targets = args.includes("--all") ? vendorPackages() : [asVendor(readPackage(process.cwd()))];
  let stale = 0;
  for (const pkg of targets) {
    if (!pkg) throw new Error(`${process.cwd()}: package.json has no "customerApi": { "spec": ... }`);
    for (const [file, content] of await generatedFiles(pkg)) {
      const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
      if (current === content) continue;
      if (check) {
        stale++;
        console.error(
          `stale: ${relative(ROOT, file)} differs from what ${relative(ROOT, pkg.spec)} gives; run \`pnpm generate\``,
        );
      } else {
        mkdirSync(join(file, ".."), { recursive: true });
        writeFileSync(file, content);
        console.log(`wrote ${relative(process.cwd(), file)}`);
      }
    }
  }
  if (check && stale === 0) console.log(`generated code matches the specs (${targets.length} vendors)`);
  return stale > 0 ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SpecError)) throw error;
  console.error(`x-customer-api: ${error.message}`);
  process.exitCode = 1;
}
