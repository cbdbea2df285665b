/**
 * `pnpm docs`: an API reference per published package with TypeDoc, from the TSDoc in its
 * source, written to docs/api/<package>. `pnpm docs:check` (`--check`) writes nothing and fails
 * on any public export, option or member without a doc comment, naming each one.
 *
 * The spec's generated types (`paths`, `components`, `operations` under src/generated) are
 * documented by the spec's own descriptions and are not the package's prose to write, so they
 * are held to that standard by the spec lint, not here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Application, type DeclarationReflection, LogLevel, OptionDefaults, ReflectionKind } from "typedoc";
import { publicPackages } from "./workspace.js";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The published libraries, found in the workspace; the CLI (a `bin`) is documented by its `--help`. */
const packages = publicPackages()
  .filter((pkg) => pkg.manifest.bin === undefined)
  .map((pkg) => pkg.folder);
/**
 * Each package's public entry points besides src/index.ts, one per subpath in its package.json
 * "exports": a vendor package imports these, so they are public API and need the same reference.
 */
const extraEntries: Record<string, string[]> = {
  core: ["vendor-kit.ts", "normalize/index.ts", "paging/index.ts"],
};
/**
 * Types the API uses that a package cannot export: openapi-typescript's own `WithRequired` helper
 * sits in the generated schema, which is the spec's to document.
 */
const notExportable: Record<string, string[]> = {
  // The type-level machinery that derives each method's arguments from the spec's operation
  // types: documented where it is used (`Customers`, `ListParams`, `at`), not as API of its own.
  core: [
    "AnyPointer",
    "BodyOf",
    "Checked",
    "Facts",
    "IdOf",
    "OperationOf",
    "OptionsOf",
    "PagingParams",
    "QueryOf",
    "ResourceOptions",
    "Step",
    "SuccessBodyOf",
  ],
  shtara: ["WithRequired", "Body"],
};
/**
 * The generated descriptor's error-body type, where it is a union of the spec's schemas: TypeDoc
 * shows a union alias by its name (a single schema it shows as that schema), and it is the spec's to document.
 */
const generatedHelpers = (pkg: string) => {
  const descriptor = join(root, "packages", pkg, "src", "generated", "descriptor.ts");
  return existsSync(descriptor) && /type ErrorBody =\s*\|/.test(readFileSync(descriptor, "utf8")) ? ["ErrorBody"] : [];
};
const check = process.argv.includes("--check");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));

/** What a user reads in the reference: declarations, their members and their call signatures. */
const REQUIRED =
  ReflectionKind.Enum |
  ReflectionKind.EnumMember |
  ReflectionKind.Variable |
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.Property |
  ReflectionKind.Method |
  ReflectionKind.Accessor |
  ReflectionKind.TypeAlias;

let undocumentedTotal = 0;
let failedPackages = 0;
for (const pkg of only.length ? only : packages) {
  const dir = join(root, "packages", pkg);
  const app = await Application.bootstrapWithPlugins({
    entryPoints: ["index.ts", ...(extraEntries[pkg] ?? [])].map((file) => join(dir, "src", file)),
    tsconfig: join(dir, "tsconfig.json"),
    name: `@customer-api/${pkg}`,
    readme: join(dir, "README.md"),
    out: join(root, "docs", "api", pkg),
    excludePrivate: true,
    excludeInternal: true,
    // Sources stay on (they tell generated code apart) without links to a git host.
    disableGit: true,
    sourceLinkTemplate: `../../../packages/${pkg}/{path}#L{line}`,
    // openapi-typescript writes the spec's descriptions as @description.
    blockTags: [...OptionDefaults.blockTags, "@description"],
    // Our own validation below names each undocumented export. A type the API uses but the package
    // does not export, or a broken {@link}, fails the check too. README links point at repo
    // folders, which a reference does not copy.
    validation: { notExported: true, invalidLink: true, invalidPath: false, notDocumented: false },
    intentionallyNotExported: [...(notExportable[pkg] ?? []), ...generatedHelpers(pkg)],
    treatValidationWarningsAsErrors: check,
    logLevel: LogLevel.Warn,
  });
  const project = await app.convert();
  if (!project) {
    console.log(`${pkg}: TypeDoc could not convert the package`);
    failedPackages++;
    continue;
  }
  const undocumented = undocumentedExports(project.getReflectionsByKind(REQUIRED) as DeclarationReflection[]);
  undocumentedTotal += undocumented.length;
  if (!check) await app.generateDocs(project, join(root, "docs", "api", pkg));
  app.validate(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) failedPackages++;
  const where = check ? "" : ` -> docs/api/${pkg}`;
  console.log(
    `${pkg}: ${undocumented.length} undocumented public ${undocumented.length === 1 ? "export" : "exports and members"}${where}`,
  );
  for (const name of undocumented) console.log(`  - ${name}`);
}

function undocumentedExports(reflections: DeclarationReflection[]): string[] {
  const names: string[] = [];
  for (const r of reflections) {
    if (r.flags.isExternal || r.inheritedFrom || r.implementationOf) continue;
    if (fromGenerated(r)) continue;
    // A member of a type literal inside a documented property is read through that property.
    if (r.parent?.kindOf(ReflectionKind.TypeLiteral)) continue;
    const signatures = [...(r.signatures ?? []), ...(r.getSignature ? [r.getSignature] : [])];
    const documented = r.hasComment() || signatures.some((s) => s.hasComment());
    if (!documented) names.push(`${ReflectionKind.singularString(r.kind)} ${r.getFriendlyFullName()}`);
  }
  return names.sort();
}

function fromGenerated(r: DeclarationReflection): boolean {
  for (let at: DeclarationReflection | undefined = r; at; at = at.parent as DeclarationReflection | undefined) {
    const file = at.sources?.[0]?.fullFileName;
    if (file?.includes("/generated/")) return true;
    if (at.kindOf(ReflectionKind.Project)) break;
  }
  return false;
}

console.log(`${check ? "docs:check" : "docs"}: ${undocumentedTotal} undocumented`);
if (check && (undocumentedTotal > 0 || failedPackages > 0)) process.exitCode = 1;
if (!check && failedPackages > 0) process.exitCode = 1;
