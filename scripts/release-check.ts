/**
 * Proves `pnpm release` before a release happens: the changesets config, what `changeset status`
 * predicts (a package never released goes to 0.1.0; no major while 0.x), what `changeset version`
 * does to versions and internal ranges (run on a copy of the manifests, then packed, as publishing
 * would), and `pnpm publish -r --dry-run` over every published package.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { writeReport } from "./test-report.js";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const changeset = join(root, "node_modules", ".bin", "changeset");

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, "utf8")) as T;
const dirs = readdirSync(join(root, "packages")).filter((d) => existsSync(join(root, "packages", d, "package.json")));
const manifests = new Map(dirs.map((d) => [d, readJson<Manifest>(join(root, "packages", d, "package.json"))]));
const published = [...manifests.values()].filter((m) => !m.private);
const internal = new Set(published.map((m) => m.name));

let passed = 0;
let failed = 0;
async function check(name: string, fn: () => Promise<string>) {
  try {
    const summary = await fn();
    passed++;
    console.log(`  ok   ${name}: ${summary}`);
  } catch (error) {
    failed++;
    const e = error as { stdout?: string; stderr?: string; message?: string };
    console.log(`  FAIL ${name}\n${[e.message, e.stdout, e.stderr].filter(Boolean).join("\n")}`);
  }
}

const work = mkdtempSync(join(tmpdir(), "customer-api-release-"));
interface Release {
  name: string;
  type: string;
  oldVersion: string;
  newVersion: string;
}
let predicted: Release[] = [];
console.log("release check:");
try {
  await check("changesets config", async () => {
    const config = readJson<Record<string, unknown>>(join(root, ".changeset", "config.json"));
    const want = { access: "public", baseBranch: "main", updateInternalDependencies: "patch" };
    for (const [key, value] of Object.entries(want))
      if (config[key] !== value) throw new Error(`${key} is ${JSON.stringify(config[key])}, want ${JSON.stringify(value)}`);
    if ((config.fixed as unknown[]).length || (config.linked as unknown[]).length)
      throw new Error("packages are fixed or linked; versions are meant to be independent");
    return "independent versions, public, base main, internal dependents bumped at least patch";
  });

  await check("internal dependencies use workspace:^", async () => {
    const wrong: string[] = [];
    for (const m of published)
      for (const [dep, range] of Object.entries(m.dependencies ?? {}))
        if (internal.has(dep) && range !== "workspace:^") wrong.push(`${m.name} -> ${dep}@${range}`);
    if (wrong.length) throw new Error(`publish would pin or mis-range: ${wrong.join(", ")}`);
    return "so a published vendor package asks for ^ the core version it was released with";
  });

  await check("changeset status predicts the next versions", async () => {
    const out = join(work, "status.json");
    await exec(changeset, ["status", `--output=${out}`], { cwd: root });
    predicted = readJson<{ releases: Release[] }>(out).releases;
    const problems: string[] = [];
    for (const m of published) {
      const release = predicted.find((r) => r.name === m.name);
      if (m.version === "0.0.0" && release?.newVersion !== "0.1.0")
        problems.push(`${m.name} is unreleased, so its first version must be 0.1.0, not ${release?.newVersion ?? "none"}`);
    }
    for (const r of predicted)
      if (r.oldVersion.startsWith("0.") && r.type === "major") problems.push(`${r.name}: a major bump while 0.x`);
    if (problems.length) throw new Error(problems.join("\n"));
    return (
      predicted.map((r) => `${r.name.replace("@customer-api/", "")} ${r.oldVersion} -> ${r.newVersion}`).join(", ") ||
      "nothing pending"
    );
  });

  await check("changeset version on a copy: versions as predicted, packed ranges on the new core", async () => {
    const copy = join(work, "repo");
    mkdirSync(copy);
    for (const f of ["package.json", "pnpm-workspace.yaml"]) cpSync(join(root, f), join(copy, f));
    cpSync(join(root, ".changeset"), join(copy, ".changeset"), { recursive: true });
    for (const d of dirs) {
      mkdirSync(join(copy, "packages", d), { recursive: true });
      for (const f of ["package.json", "README.md", "CHANGELOG.md"])
        if (existsSync(join(root, "packages", d, f))) cpSync(join(root, "packages", d, f), join(copy, "packages", d, f));
    }
    await exec(changeset, ["version"], { cwd: copy });
    const versions = new Map(dirs.map((d) => [d, readJson<Manifest>(join(copy, "packages", d, "package.json"))]));
    const problems: string[] = [];
    for (const r of predicted) {
      const got = [...versions.values()].find((m) => m.name === r.name)?.version;
      if (got !== r.newVersion) problems.push(`${r.name}: status said ${r.newVersion}, version wrote ${got}`);
    }
    const packs = join(work, "packs");
    mkdirSync(packs);
    const ranges: string[] = [];
    for (const [d, m] of versions) {
      if (m.private || !Object.keys(m.dependencies ?? {}).some((dep) => internal.has(dep))) continue;
      if (!existsSync(join(copy, "packages", d, "CHANGELOG.md"))) problems.push(`${m.name}: no CHANGELOG.md written`);
      await exec("pnpm", ["pack", "--pack-destination", packs], { cwd: join(copy, "packages", d) });
      const tarball = readdirSync(packs).find((f) => f.includes(`-${d}-${m.version}.tgz`));
      if (!tarball) throw new Error(`no tarball for ${m.name}`);
      const { stdout } = await exec("tar", ["xzf", join(packs, tarball), "-O", "package/package.json"]);
      const packed = JSON.parse(stdout) as Manifest;
      for (const [dep, range] of Object.entries(packed.dependencies ?? {})) {
        if (!internal.has(dep)) continue;
        const depVersion = [...versions.values()].find((v) => v.name === dep)!.version;
        if (range !== `^${depVersion}`) problems.push(`${m.name} would publish ${dep}@${range}, want ^${depVersion}`);
        ranges.push(`${d} -> ${dep.replace("@customer-api/", "")}@${range}`);
      }
    }
    if (problems.length) throw new Error(problems.join("\n"));
    return [...new Set(ranges)].join(", ");
  });

  await check("pnpm publish -r --dry-run", async () => {
    const { stdout, stderr } = await exec("pnpm", ["publish", "-r", "--dry-run", "--no-git-checks"], {
      cwd: root,
      timeout: 120_000,
    });
    const out = `${stdout}${stderr}`;
    const missing = published.filter((m) => !out.includes(`${m.name}@${m.version}`));
    if (missing.length) throw new Error(`not offered for publishing: ${missing.map((m) => m.name).join(", ")}\n${out}`);
    return `${published.length} packages offered for publishing`;
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
writeReport("release", passed, failed);
process.exitCode = failed ? 1 : 0;
