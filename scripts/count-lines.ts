/**
 * Hand-written source of each vendor package: non-blank, non-comment lines of packages/<vendor>/src
 * outside generated/ and tests. `--ref <git ref>` counts a commit instead of the working tree.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT, vendorPackages } from "./workspace.js";

const at = process.argv.indexOf("--ref");
const ref = at >= 0 ? process.argv[at + 1] : undefined;
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });

function files(dir: string): string[] {
  if (ref) return git("ls-tree", "-r", "--name-only", ref, "--", relative(ROOT, dir)).split("\n").filter(Boolean);
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [relative(ROOT, path)];
  });
}

export function countLines(source: string): number {
  let inBlock = false;
  let count = 0;
  for (const raw of source.split("\n")) {
    const line = raw.trim();
    if (inBlock) {
      if (line.includes("*/")) inBlock = false;
      continue;
    }
    if (line === "" || line.startsWith("//")) continue;
    if (line.startsWith("/*")) {
      inBlock = !line.includes("*/");
      continue;
    }
    count++;
  }
  return count;
}

// At a ref, the vendors are the folders that ref has; the workspace lists today's.
const vendors = ref
  ? git("ls-tree", "--name-only", ref, "packages/")
      .split("\n")
      .filter((p) => p && git("ls-tree", "--name-only", ref, `${p}/`).includes(`${p}/src`) && !p.endsWith("/core"))
      .map((p) => p.replace("packages/", ""))
  : vendorPackages().map((v) => v.folder);
let total = 0;
for (const vendor of vendors) {
  const counted = files(join(ROOT, "packages", vendor, "src"))
    .filter((file) => file.endsWith(".ts") && !file.includes("/generated/") && !file.endsWith(".test.ts"))
    .map((file) => [file, countLines(ref ? git("show", `${ref}:${file}`) : readFileSync(join(ROOT, file), "utf8"))] as const);
  const sum = counted.reduce((n, [, lines]) => n + lines, 0);
  total += sum;
  console.log(
    `${vendor.padEnd(8)} ${String(sum).padStart(5)}  ${counted.map(([file, lines]) => `${file.split("/").pop()} ${lines}`).join(", ")}`,
  );
}
console.log(`${"total".padEnd(8)} ${String(total).padStart(5)}${ref ? `  (at ${ref})` : ""}`);
