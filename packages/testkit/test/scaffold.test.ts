/**
 * A new vendor is its spec plus a normalizer: `pnpm new-vendor` scaffolds a throwaway vendor from a
 * small fixture spec into a temporary folder laid out like the repo, then generation, the build, the
 * type check and the shared contract suite run on it, each as its own process.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const bin = (name: string) => join(repo, "node_modules", ".bin", name);
let root: string;
let pkg: string;

// A child vitest must not think it runs inside this one.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
/** Runs a step; a failure shows what the step printed, not only that it failed. */
const run = (command: string, args: string[], cwd: string) => {
  try {
    return execFileSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr, message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error([message, stdout?.slice(-4000), stderr?.slice(-4000)].filter(Boolean).join("\n"));
  }
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "customer-api-scaffold-"));
  // The repo's layout: its tools and packages through node_modules, its shared configs, its scripts.
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir");
  symlinkSync(join(repo, "scripts"), join(root, "scripts"), "dir");
  for (const file of ["tsconfig.base.json", "tsup.config.base.ts"]) copyFileSync(join(repo, file), join(root, file));
  mkdirSync(join(root, "packages"));
  run(
    bin("tsx"),
    [
      join(repo, "scripts", "new-vendor.ts"),
      "acme",
      "--spec",
      join(repo, "packages/testkit/test/fixtures/acme.yaml"),
      "--root",
      root,
    ],
    repo,
  );
  pkg = join(root, "packages", "acme");
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("pnpm new-vendor acme --spec fixtures/acme.yaml", () => {
  it("scaffolds the package and copies the spec", () => {
    expect(existsSync(join(root, "specs", "acme.yaml"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ name: "@customer-api/acme", customerApi: { spec: "../../specs/acme.yaml" } });
    expect(readFileSync(join(pkg, "src", "index.ts"), "utf8")).toContain("export const createAcmeClient");
  });

  it("generates, builds, type-checks and passes the shared contract suite", () => {
    run(bin("tsx"), [join(repo, "scripts", "codegen", "generate.ts")], pkg);
    expect(readFileSync(join(pkg, "src/generated/descriptor.ts"), "utf8")).toContain('style: "page"');
    run(bin("tsup"), [], pkg);
    expect(existsSync(join(pkg, "dist", "index.mjs"))).toBe(true);
    run(bin("tsc"), ["-p", "tsconfig.test.json", "--noEmit"], pkg);
    const report = join(pkg, "report.json");
    // Generous bounds: this child starts its Prism mocks cold while the rest of the test run shares the cores.
    run(
      bin("vitest"),
      [
        "run",
        "--testTimeout=60000",
        "--hookTimeout=60000",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
      ],
      pkg,
    );
    const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, "utf8"));
    expect(numFailedTests).toBe(0);
    // get, list, create, delete, their documented errors, raw access and three seeds.
    expect(numPassedTests).toBeGreaterThanOrEqual(12);
  }, 600_000);
});
