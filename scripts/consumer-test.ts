/**
 * Consumer test on the packed tarballs, as a user installs them: `pnpm pack` each package (which
 * rewrites `workspace:^`), `npm install` the tarballs into an empty project, then import every
 * package as ESM, require it as CJS, call it against a local server, and type-check a strict
 * TypeScript consumer under both `node16` and `bundler` resolution. The CLI's tarball goes in too,
 * and its bin runs an export against the Prism mock it starts from the specs it ships.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const packages = ["core", "homele", "pexip", "shtara", "hamgam", "coax"];
const factories: Record<string, string> = {
  homele: "createHomeleClient",
  pexip: "createPexipClient",
  shtara: "createShtaraClient",
  hamgam: "createHamgamClient",
  coax: "createCoaxClient",
};
const vendors = packages.filter((p) => p !== "core");

const work = mkdtempSync(join(tmpdir(), "customer-api-consumer-"));
const packs = join(work, "packs");
const app = join(work, "app");
mkdirSync(packs);
mkdirSync(app);
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"] }).toString();

let failures = 0;
let checks = 0;
const check = (name: string, fn: () => void) => {
  checks++;
  try {
    fn();
    console.log(`  ok   ${name}`);
  } catch (error) {
    failures++;
    console.log(`  FAIL ${name}\n${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  }
};

try {
  for (const p of [...packages, "cli"]) run("pnpm", ["pack", "--pack-destination", packs], join(root, "packages", p));
  const tarballs = readdirSync(packs).map((f) => join(packs, f));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], app);

  // A server answering like a vendor would, so the installed clients make one real call each.
  const server = (http: string) => `
    const http = ${http};
    const server = http.createServer((req, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Not found.", detail: "Not found.", errors: [{ message: "Not found.", code: "NOT_FOUND", type: "x", statusCode: "404" }], success: false, error: { code: 404, message: "Not found." } }));
    });`;
  const body = (load: (name: string) => string) => `
    ${server(load("node:http"))}
    server.listen(0, "127.0.0.1", async () => {
      const base = "http://127.0.0.1:" + server.address().port;
      const core = ${load("@customer-api/core")};
      const factories = ${JSON.stringify(factories)};
      for (const vendor of ${JSON.stringify(vendors)}) {
        const mod = ${load("@customer-api/${vendor}")};
        const make = mod[factories[vendor]];
        if (typeof make !== "function") throw new Error(vendor + ": no " + factories[vendor]);
        const client = make({ token: "t0ken", baseUrl: base, enterprise: "acme", maxRetries: 0 });
        const id = vendor === "coax" ? "0b6c1f1e-8f0a-4d47-9a43-2f4f1b0c6d11" : 42;
        const error = await client.customers.get(id).catch((e) => e);
        if (!(error instanceof core.NotFoundError) || !(error instanceof core.ApiError)) throw new Error(vendor + ": expected NotFoundError, got " + error);
      }
      server.close();
      console.log("calls ok");
    });`;
  writeFileSync(join(app, "esm.mjs"), body((name) => `await import(\`${name}\`)`));
  writeFileSync(join(app, "cjs.cjs"), body((name) => `require(\`${name}\`)`));
  writeFileSync(
    join(app, "consumer.ts"),
    `import { ApiError, NotFoundError, RateLimiter, type Customer } from "@customer-api/core";
${vendors.map((v) => `import { ${factories[v]} } from "@customer-api/${v}";`).join("\n")}
const shared = new RateLimiter({ limit: 10, intervalMs: 1000 });
const homele = createHomeleClient({ token: async () => "t", rateLimit: shared });
export async function firstName(id: number): Promise<string | null> {
  try {
    const c: Customer = await homele.customers.get(id);
    const { data } = await homele.GET("/customers/{id}", { params: { path: { id } } });
    return data?.data.first_name ?? c.firstName;
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    if (e instanceof ApiError) throw new Error(e.message);
    throw e;
  }
}
export const factories = [${vendors.map((v) => factories[v]).join(", ")}];
`,
  );
  for (const resolution of ["node16", "bundler"]) {
    writeFileSync(
      join(app, `tsconfig.${resolution}.json`),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: resolution === "node16" ? "node16" : "esnext",
          moduleResolution: resolution,
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
  }

  console.log("consumer test on packed tarballs:");
  check("import as ESM and call every client", () => run("node", ["esm.mjs"], app));
  check("require as CJS and call every client", () => run("node", ["cjs.cjs"], app));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  for (const resolution of ["node16", "bundler"]) {
    check(`type-check a strict consumer (moduleResolution ${resolution})`, () => run("node", [tsc, "-p", `tsconfig.${resolution}.json`], app));
  }
  check("npx customer-api export coax --mock --format csv --out c.csv", () => {
    run("npx", ["customer-api", "export", "coax", "--mock", "--format", "csv", "--out", "c.csv"], app);
    const lines = readFileSync(join(app, "c.csv"), "utf8").split("\r\n");
    if (!lines[0]!.startsWith("vendor,id,name,") || !lines[1]!.startsWith("coax,")) throw new Error(`unexpected c.csv:\n${lines.join("\n")}`);
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${checks - failures} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
