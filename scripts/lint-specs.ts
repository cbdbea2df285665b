/** `pnpm lint`: `redocly lint` (strict recommended rules, redocly.yaml) on every vendor's spec. */
import { execFileSync } from "node:child_process";
import { join, relative } from "node:path";
import { ROOT, vendorPackages } from "./workspace.js";

const specs = vendorPackages().map((pkg) => relative(ROOT, pkg.spec));
const redocly = join(ROOT, "node_modules", ".bin", "redocly");
try {
  execFileSync(redocly, ["lint", ...specs], { cwd: ROOT, stdio: "inherit", env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
} catch {
  process.exitCode = 1;
}
