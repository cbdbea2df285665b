/**
 * `pnpm new-vendor <name> --spec <file> [--root <dir>]`: a new vendor package from a template.
 * Copies the spec to `<root>/specs/<name>.yaml` and writes `<root>/packages/<name>` (package.json
 * naming the spec, the factory, a normalizer to fill in, a contract test on the shared suite). Then:
 * add the x-customer-api extensions to the spec (specs/README.md), `pnpm install`, `pnpm generate`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "./workspace.js";

const TEMPLATE = fileURLToPath(new URL("./new-vendor/template/", import.meta.url));

export function scaffoldVendor(name: string, specFile: string, root = ROOT): string {
  if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`"${name}": a vendor name is lower-case letters and digits`);
  const packageDir = join(root, "packages", name);
  const specTarget = join(root, "specs", `${name}.yaml`);
  if (existsSync(packageDir)) throw new Error(`${packageDir} already exists`);
  if (existsSync(specTarget)) throw new Error(`${specTarget} already exists`);
  if (!existsSync(specFile)) throw new Error(`no spec at ${specFile}`);
  mkdirSync(dirname(specTarget), { recursive: true });
  copyFileSync(specFile, specTarget);
  const Vendor = name.charAt(0).toUpperCase() + name.slice(1);
  const fill = (text: string) => text.replaceAll("__vendor__", name).replaceAll("__Vendor__", Vendor);
  const copy = (from: string, to: string) => {
    for (const entry of readdirSync(from)) {
      const source = join(from, entry);
      if (statSync(source).isDirectory()) copy(source, join(to, entry));
      else {
        mkdirSync(to, { recursive: true });
        writeFileSync(join(to, entry.replace(/\.tmpl$/, "")), fill(readFileSync(source, "utf8")));
      }
    }
  };
  copy(TEMPLATE, packageDir);
  return packageDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const spec = option("--spec");
  const root = option("--root");
  const [name] = args;
  if (!name || !spec) {
    console.error("usage: pnpm new-vendor <name> --spec <file> [--root <dir>]");
    process.exitCode = 2;
  } else {
    const dir = scaffoldVendor(name, resolve(spec), root ? resolve(root) : ROOT);
    console.log(`created ${relative(process.cwd(), dir)} and specs/${name}.yaml
next: add the x-customer-api extensions to the spec (specs/README.md), then
  pnpm install && pnpm --filter @customer-api/${name} generate && pnpm --filter @customer-api/${name} test`);
  }
}
