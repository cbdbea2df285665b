/**
 * `pnpm spec:changes [base]`: what each specs/<vendor>.yaml changed since a git revision, as
 * changeset files a release can take as they are. Operations, parameters, request and response
 * fields ($refs resolved) and statuses are compared; each change gets a verdict from the
 * client's side: a user's code that compiled and worked before, does it still?
 * - removed operation, parameter, field or status: breaking;
 * - new required request parameter or field, optional turned required in a request: breaking;
 * - a type changed, or a response field that may now be absent or null: breaking;
 * - anything added that a caller may ignore: not breaking.
 * `--write` puts one `.changeset/spec-<vendor>.md` per changed spec instead of printing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export interface SpecChange {
  /** `GET /customers/{id}`, or the document itself for a whole spec added or removed. */
  where: string;
  /** The response status a response field change is in. */
  status?: string;
  what: string;
  breaking: boolean;
}

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Follows local `$ref`s (`#/components/...`); the specs are single documents. */
function deref(doc: Json, value: unknown, seen = new Set<string>()): unknown {
  if (!isObject(value) || typeof value.$ref !== "string") return value;
  const ref = value.$ref;
  if (seen.has(ref) || !ref.startsWith("#/")) return {};
  const target = ref
    .slice(2)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
  return deref(doc, target, new Set([...seen, ref]));
}

interface Field {
  type: string;
  required: boolean;
  enum?: string[];
}

/** A schema's type in one line: `string(date-time)`, `integer|null`, `array<object>`, `oneOf(string|integer)`. */
function typeOf(doc: Json, raw: unknown, depth = 0): string {
  const s = deref(doc, raw);
  if (!isObject(s) || depth > 8) return "any";
  for (const key of ["oneOf", "anyOf"]) {
    if (Array.isArray(s[key]))
      return `${key}(${[...new Set((s[key] as unknown[]).map((m) => typeOf(doc, m, depth + 1)))].sort().join("|")})`;
  }
  if (Array.isArray(s.allOf)) return "object";
  const types = (
    Array.isArray(s.type) ? [...s.type] : s.type ? [s.type] : s.properties ? ["object"] : s.items ? ["array"] : ["any"]
  ) as string[];
  if (s.nullable === true && !types.includes("null")) types.push("null");
  return types
    .map((t) =>
      t === "array" ? `array<${typeOf(doc, s.items, depth + 1)}>` : s.format && t !== "null" ? `${t}(${String(s.format)})` : t,
    )
    .sort()
    .join("|");
}

/** Every field of a schema by its path (`data.email`, `data.tags[]`), with its type and whether it must be present. */
function fieldsOf(
  doc: Json,
  raw: unknown,
  prefix = "",
  required = true,
  out = new Map<string, Field>(),
  seen = new Set<unknown>(),
): Map<string, Field> {
  const s = deref(doc, raw);
  if (!isObject(s) || seen.has(s)) return out;
  const inner = new Set([...seen, s]);
  if (prefix) {
    const field: Field = { type: typeOf(doc, s), required };
    if (Array.isArray(s.enum)) field.enum = s.enum.map(String).sort();
    out.set(prefix, field);
  }
  const requiredNames = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  for (const [name, child] of Object.entries(isObject(s.properties) ? s.properties : {})) {
    fieldsOf(doc, child, prefix ? `${prefix}.${name}` : name, requiredNames.has(name), out, inner);
  }
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) fieldsOf(doc, part, prefix, required, out, inner);
  // A variant's fields may be absent whichever variant is sent.
  for (const key of ["oneOf", "anyOf"])
    for (const part of Array.isArray(s[key]) ? s[key] : []) fieldsOf(doc, stripRequired(doc, part), prefix, false, out, inner);
  if (s.items) fieldsOf(doc, s.items, `${prefix}[]`, true, out, inner);
  return out;
}

function stripRequired(doc: Json, raw: unknown): unknown {
  const s = deref(doc, raw);
  return isObject(s) ? { ...s, required: [] } : s;
}

/** The schema of a body: the JSON media type if there is one, else the first. */
function bodySchema(doc: Json, raw: unknown): { media?: string; schema?: unknown; required: boolean } {
  const body = deref(doc, raw);
  if (!isObject(body) || !isObject(body.content)) return { required: false };
  const media = Object.keys(body.content).find((m) => /json/.test(m)) ?? Object.keys(body.content)[0];
  const content = media ? (body.content as Json)[media] : undefined;
  return { media, schema: isObject(content) ? content.schema : undefined, required: body.required === true };
}

interface Operation {
  parameters: Map<string, { required: boolean; type: string; enum?: string[] }>;
  request: ReturnType<typeof bodySchema>;
  responses: Map<string, unknown>;
}

function operationsOf(doc: Json): Map<string, Operation> {
  const ops = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const item = deref(doc, rawItem);
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const parameters = new Map<string, { required: boolean; type: string; enum?: string[] }>();
      // Path-level parameters first; the operation's own override them by name and place.
      for (const raw of [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(op.parameters) ? op.parameters : []),
      ]) {
        const p = deref(doc, raw);
        if (!isObject(p)) continue;
        const schema = deref(doc, p.schema);
        const entry: { required: boolean; type: string; enum?: string[] } = {
          required: p.required === true || p.in === "path",
          type: typeOf(doc, p.schema),
        };
        // The allowed values of the parameter, or of its items for an array parameter.
        const source = isObject(schema) && !Array.isArray(schema.enum) ? deref(doc, schema.items) : schema;
        if (isObject(source) && Array.isArray(source.enum)) entry.enum = source.enum.map(String).sort();
        parameters.set(`${String(p.in)} parameter \`${String(p.name)}\``, entry);
      }
      const responses = new Map<string, unknown>();
      for (const [status, raw] of Object.entries(isObject(op.responses) ? op.responses : {}))
        responses.set(status, bodySchema(doc, raw).schema);
      ops.set(`${method.toUpperCase()} ${path}`, { parameters, request: bodySchema(doc, op.requestBody), responses });
    }
  }
  return ops;
}

const list = (values: string[]) => values.map((v) => `\`${v}\``).join(", ");

function compareEnums(
  where: string,
  label: string,
  before: string[] | undefined,
  after: string[] | undefined,
  inRequest: boolean,
  out: SpecChange[],
  status?: string,
) {
  if (!before || !after) return;
  const push = (change: Omit<SpecChange, "where" | "status">) =>
    out.push(status === undefined ? { where, ...change } : { where, status, ...change });
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  // A request may no longer send a removed value; a response may now send an added one.
  if (added.length) push({ what: `${label}: values ${list(added)} added`, breaking: !inRequest });
  if (removed.length) push({ what: `${label}: values ${list(removed)} removed`, breaking: inRequest });
}

function compareFields(
  where: string,
  status: string | undefined,
  before: unknown,
  after: unknown,
  docs: [Json, Json],
  out: SpecChange[],
) {
  const old = fieldsOf(docs[0], before);
  const now = fieldsOf(docs[1], after);
  const inRequest = status === undefined;
  const side = inRequest ? "request" : "response";
  const push = (change: Omit<SpecChange, "where" | "status">) =>
    out.push(status === undefined ? { where, ...change } : { where, status, ...change });
  for (const [path, f] of now) {
    const was = old.get(path);
    if (!was) {
      // A field inside one that was added is news only through its parent.
      if ([...now.keys()].some((p) => !old.has(p) && path.startsWith(p) && /^[.[]/.test(path.slice(p.length)))) continue;
      const required = f.required ? "required" : "optional";
      push({ what: `${side} field \`${path}\` (${f.type}, ${required}) added`, breaking: inRequest && f.required });
      continue;
    }
    if (was.type !== f.type) {
      const widenedToNull =
        f.type.split("|").includes("null") &&
        !was.type.split("|").includes("null") &&
        f.type.replace(/\|?null\|?/, "") === was.type;
      push({ what: `${side} field \`${path}\` type ${was.type} → ${f.type}`, breaking: !(widenedToNull && inRequest) });
    }
    if (was.required !== f.required) {
      const what = `${side} field \`${path}\` ${was.required ? "required → optional" : "optional → required"}`;
      push({ what, breaking: inRequest ? f.required : !f.required });
    }
    compareEnums(where, `${side} field \`${path}\``, was.enum, f.enum, inRequest, out, status);
  }
  for (const path of old.keys()) {
    if (now.has(path)) continue;
    if ([...old.keys()].some((p) => !now.has(p) && path.startsWith(p) && /^[.[]/.test(path.slice(p.length)))) continue;
    push({ what: `${side} field \`${path}\` removed`, breaking: true });
  }
}

/** Every change from one version of a spec to the next; either side may be absent (a spec added or removed). */
export function diffSpecs(before: Json | undefined, after: Json | undefined): SpecChange[] {
  const out: SpecChange[] = [];
  if (!before && !after) return out;
  if (!before) return [{ where: "spec", what: `new spec: ${operationsOf(after!).size} operations`, breaking: false }];
  if (!after) return [{ where: "spec", what: "spec removed", breaking: true }];
  const docs: [Json, Json] = [before, after];
  const old = operationsOf(before);
  const now = operationsOf(after);
  for (const [where] of now) if (!old.has(where)) out.push({ where, what: "operation added", breaking: false });
  for (const [where] of old) if (!now.has(where)) out.push({ where, what: "operation removed", breaking: true });
  for (const [where, op] of now) {
    const was = old.get(where);
    if (!was) continue;
    for (const [name, p] of op.parameters) {
      const had = was.parameters.get(name);
      if (!had)
        out.push({ where, what: `${p.required ? "required" : "optional"} ${name} (${p.type}) added`, breaking: p.required });
      else {
        if (had.type !== p.type) out.push({ where, what: `${name} type ${had.type} → ${p.type}`, breaking: true });
        if (had.required !== p.required)
          out.push({
            where,
            what: `${name} ${had.required ? "required → optional" : "optional → required"}`,
            breaking: p.required,
          });
        compareEnums(where, name, had.enum, p.enum, true, out);
      }
    }
    for (const name of was.parameters.keys())
      if (!op.parameters.has(name)) out.push({ where, what: `${name} removed`, breaking: true });
    if (was.request.media && !op.request.media) out.push({ where, what: "request body removed", breaking: true });
    else if (!was.request.media && op.request.media)
      out.push({
        where,
        what: `${op.request.required ? "required" : "optional"} request body added`,
        breaking: op.request.required,
      });
    else if (was.request.media !== op.request.media)
      out.push({ where, what: `request body ${was.request.media} → ${op.request.media}`, breaking: true });
    else if (!was.request.required && op.request.required)
      out.push({ where, what: "request body optional → required", breaking: true });
    compareFields(where, undefined, was.request.schema, op.request.schema, docs, out);
    for (const status of op.responses.keys())
      if (!was.responses.has(status)) out.push({ where, what: `status ${status} added`, breaking: false });
    for (const status of was.responses.keys())
      if (!op.responses.has(status)) out.push({ where, what: `status ${status} removed`, breaking: true });
    for (const [status, schema] of op.responses) {
      if (was.responses.has(status)) compareFields(where, status, was.responses.get(status), schema, docs, out);
    }
  }
  return out;
}

/** The bump a set of changes implies: breaking is major from 1.0 on and minor before (no major while 0.x). */
export function bumpFor(changes: SpecChange[], version: string): "major" | "minor" | "patch" {
  const zero = version.startsWith("0.");
  if (changes.some((c) => c.breaking)) return zero ? "minor" : "major";
  const adds = changes.some((c) => /added/.test(c.what));
  return adds && !zero ? "minor" : "patch";
}

/**
 * A changeset file for one package: front matter with the bump, then one bullet per change. A
 * change to a shared schema shows up in many operations and statuses; it is one bullet naming them all.
 */
export function changesetFor(pkg: string, version: string, spec: string, base: string, changes: SpecChange[]): string {
  const groups = new Map<string, { change: SpecChange; where: Map<string, string[]> }>();
  for (const c of changes) {
    const key = `${c.breaking}\u0000${c.what}`;
    const group = groups.get(key) ?? { change: c, where: new Map<string, string[]>() };
    groups.set(key, group);
    const statuses = group.where.get(c.where) ?? [];
    if (c.status) statuses.push(c.status);
    group.where.set(c.where, statuses);
  }
  const bullets = [...groups.values()].map(({ change, where }) => {
    const places = [...where]
      .map(([op, statuses]) => `\`${op}\`${statuses.length ? ` (${statuses.join(", ")})` : ""}`)
      .join(", ");
    return `- ${change.breaking ? "**Breaking:** " : ""}${change.what}: ${places}`;
  });
  return `---\n"${pkg}": ${bumpFor(changes, version)}\n---\n\n\`${spec}\` changed since ${base}:\n\n${bullets.join("\n")}\n`;
}

const git = (cwd: string, args: string[]) =>
  execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"] })
    .toString()
    .trim();

/** The merge-base with main when this branch has commits of its own, else the commit before HEAD. */
export function defaultBase(root: string): string {
  try {
    const mergeBase = git(root, ["merge-base", "HEAD", "main"]);
    if (mergeBase !== git(root, ["rev-parse", "HEAD"])) return mergeBase;
  } catch {
    // no main branch: fall through
  }
  return "HEAD~1";
}

export interface SpecReport {
  vendor: string;
  pkg: string;
  changes: SpecChange[];
  changeset: string;
}

/** Compares specs/<vendor>.yaml at `base` with the working tree, for every spec present in either. */
export function specChanges(root: string, base: string, label = base): SpecReport[] {
  const dir = join(root, "specs");
  const now = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")) : [];
  let then: string[] = [];
  try {
    then = git(root, ["ls-tree", "--name-only", `${base}:specs`])
      .split("\n")
      .filter((f) => f.endsWith(".yaml"));
  } catch {
    // the revision had no specs folder
  }
  const reports: SpecReport[] = [];
  for (const file of [...new Set([...now, ...then])].sort()) {
    const vendor = file.replace(/\.yaml$/, "");
    const before = then.includes(file) ? (parse(git(root, ["show", `${base}:specs/${file}`])) as Json) : undefined;
    const after = now.includes(file) ? (parse(readFileSync(join(dir, file), "utf8")) as Json) : undefined;
    const changes = diffSpecs(before, after);
    if (!changes.length) continue;
    const manifest = join(root, "packages", vendor, "package.json");
    const { name, version } = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, "utf8")) as { name: string; version: string })
      : { name: `@customer-api/${vendor}`, version: "0.0.0" };
    reports.push({ vendor, pkg: name, changes, changeset: changesetFor(name, version, `specs/${file}`, label, changes) });
  }
  return reports;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const args = process.argv.slice(2);
  const write = args.includes("--write");
  const base = args.find((a) => !a.startsWith("--")) ?? defaultBase(root);
  let label: string;
  try {
    label = git(root, ["rev-parse", "--short", "--verify", `${base}^{commit}`]);
  } catch {
    console.error(`spec:changes: ${base} is not a revision of this repository.`);
    process.exit(2);
  }
  const reports = specChanges(root, base, label);
  if (!reports.length) console.log(`No spec changes since ${label}.`);
  for (const r of reports) {
    if (write) {
      const file = join(root, ".changeset", `spec-${r.vendor}-${label}.md`);
      writeFileSync(file, r.changeset);
      console.log(`wrote ${file}`);
    } else console.log(`${r.changeset}`);
  }
}
