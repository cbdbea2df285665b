/**
 * `pnpm spec:diff`: per vendor, what our spec says that the vendor's own published documents do
 * not, and the reverse (paths, methods, parameters, required flags, request and response fields
 * and their types, statuses). Each difference must be carried in our spec as an
 * `x-vendor-deviation` note saying why; the command exits non-zero on any unexplained one.
 *
 * Salla (shtara) and Homele publish OpenAPI (embedded in their pages); Hamgam, Pexip and Coax
 * publish prose pages only, from which what they state (parameter tables, field lists, statuses)
 * is derived and compared.
 *
 * When the vendor documents are absent (`<repo>/../shared/vendor-specs`, or `VENDOR_SPECS_DIR`),
 * it says so and exits 0, except under CI=true: CI always has `shared/` beside its clone, so a
 * missing folder there means the check did not run, and that fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
// The vendor-documents part of the kit alone: spec:diff runs before anything is built, and the
// kit's entry imports core's build.
import {
  mergedShtaraDocument,
  parseEmbeddedOpenApi,
  REPO_ROOT,
  readVendorFile,
  vendorSpecsDir,
} from "@customer-api/testkit/vendor-docs";
import { parse } from "yaml";
import { type Comparison, compareModels } from "./spec-compare.js";
import {
  emptyShape,
  type Model,
  modelFromOpenApi,
  type Operation,
  operationKey,
  paramKey,
  type Shape,
  shapeFromProse,
} from "./spec-model.js";

const ours = (vendor: string): Model => modelFromOpenApi(parse(readFileSync(join(REPO_ROOT, "specs", `${vendor}.yaml`), "utf8")));

interface VendorSource {
  /** One line saying what the vendor publishes and what is compared. */
  source: string;
  compare(dir: string): Comparison;
}

const VENDORS: Record<string, VendorSource> = {
  shtara: {
    source: "Salla's own OpenAPI 3.0.1, one document per page (8 pages), merged",
    compare: (dir) => compareModels(ours("shtara"), modelFromOpenApi(mergedShtaraDocument(dir))),
  },
  homele: {
    source: "Homele's OpenAPI 3.1 embedded in its pages: show.md complete, list.excerpt.md cut inside its parameters",
    compare(dir) {
      const show = parseEmbeddedOpenApi(readVendorFile(dir, "homele", "show.md"));
      const list = parseEmbeddedOpenApi(readVendorFile(dir, "homele", "list.excerpt.md"));
      if (!show || !list) throw new Error("homele: no embedded OpenAPI found");
      const theirs = modelFromOpenApi(show.doc, show.complete ? {} : { params: "listed", statuses: false, fields: false });
      const cut = modelFromOpenApi(
        list.doc,
        list.complete ? {} : { params: "listed", statuses: false, fields: false, body: false },
      );
      for (const [key, op] of cut.operations) theirs.operations.set(key, op);
      const unverifiable = list.complete
        ? []
        : ["GET /customers: the stored list page is cut inside its parameters; its response schema and statuses are not in it"];
      return compareModels(ours("homele"), theirs, unverifiable);
    },
  },
  hamgam: {
    source: "no machine-readable document: the parameter, status and field tables of its retrieve, list and delete pages",
    compare: (dir) => {
      const unverifiable: string[] = ["GET /api/customers: the stored list page is cut before its statuses and response fields"];
      return compareModels(ours("hamgam"), hamgamModel(dir, unverifiable), unverifiable);
    },
  },
  pexip: {
    source:
      "no machine-readable document: the rendered 'Get a customer' operation page (parameters, fields, types, required flags, statuses)",
    compare: (dir) => {
      const mine = ours("pexip");
      const unverifiable: string[] = [];
      const theirs = pexipModel(dir);
      // Operations without a stored page cannot be compared: the vendor's documents say nothing of them.
      for (const [key, op] of mine.operations) {
        if (!theirs.operations.has(key)) {
          unverifiable.push(`${key} (${op.operationId}): no operation page among the vendor's stored documents`);
          mine.operations.delete(key);
        }
      }
      return compareModels(mine, theirs, unverifiable);
    },
  },
  coax: {
    source:
      "no machine-readable document: the customers-routes page, whose code blocks were lost (names of operations, parameters, body and response fields only)",
    compare: (dir) => {
      const mine = ours("coax");
      const unverifiable: string[] = [
        "paths, methods, types, required flags and error statuses: the stored page lost its code blocks",
      ];
      return compareModels(mine, coaxModel(dir, mine, unverifiable), unverifiable);
    },
  },
};

// Hamgam ---------------------------------------------------------------------------------------

function hamgamModel(dir: string, unverifiable: string[]): Model {
  const model: Model = { operations: new Map(), notes: [] };
  const prose = { params: true, body: false, statuses: true, fields: true, required: false, nullability: false } as const;
  const operation = (text: string, covers: Partial<Operation["covers"]> = {}): Operation => {
    const [, method, rawPath] = /^(GET|POST|PUT|PATCH|DELETE)\s*(\/\S+)/m.exec(text) ?? [];
    if (!method || !rawPath) throw new Error("hamgam: a page without its HTTP request line");
    const path = rawPath.replace(/:(\w+)/g, "{$1}");
    const op: Operation = {
      method,
      path,
      params: new Map(),
      responses: new Map(),
      responseNotes: new Map(),
      notes: [],
      covers: { ...prose, ...covers },
    };
    model.operations.set(operationKey(method, path), op);
    return op;
  };
  const tableAfter = (text: string, heading: string): string[][] => {
    // The stored pages lost some line breaks: a heading can follow the previous text directly.
    const at = text.indexOf(`${heading}\n`);
    if (at < 0) return [];
    const rows: string[][] = [];
    for (const line of text.slice(at + heading.length + 1).split("\n")) {
      if (!line.startsWith("|")) break;
      rows.push(
        line
          .split("|")
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    }
    return rows.slice(2); // header and separator
  };
  const readTables = (op: Operation, text: string) => {
    for (const [name, type, required] of tableAfter(text, "Path Parameters")) {
      op.params.set(paramKey({ name: name!, in: "path" }), {
        name: name!,
        in: "path",
        required: required === "Yes",
        shape: shapeFromProse(type!),
        notes: [],
      });
    }
    for (const [code] of tableAfter(text, "Status Codes")) if (/^\d{3}$/.test(code!)) op.responses.set(code!, undefined);
    const fields = tableAfter(text, "Response Fields");
    if (fields.length > 0 && fields[0]![0] !== "None") {
      const body: Shape = { ...emptyShape(), types: new Set(["object"]) };
      for (const [name, type, description] of fields) {
        if (/^(string|integer|boolean)\b/i.test(name!)) {
          unverifiable.push(`${op.method} ${op.path}: a field row whose name the stored page lost (${name}, "${type}")`);
          continue;
        }
        body.props.set(name!, shapeFromProse(type!));
        void description;
      }
      const success = [...op.responses.keys()].find((s) => s.startsWith("2"));
      if (success) op.responses.set(success, body);
    }
  };
  const retrieve = readVendorFile(dir, "hamgam", "retrieve.txt");
  readTables(operation(retrieve), retrieve);
  const remove = readVendorFile(dir, "hamgam", "delete.excerpt.txt");
  readTables(operation(remove), remove);
  // The list page: its second stored rendering runs to the end of the (flattened) parameter table.
  const listText = readVendorFile(dir, "hamgam", "list.excerpt.txt");
  const list = operation(listText, { statuses: false, fields: false });
  const flattened = listText.slice(listText.lastIndexOf("ParameterTypeDefaultDescription"));
  for (const line of flattened.split("\n").slice(1)) {
    const m = /^([a-z_]+?)(integer|string|boolean)/.exec(line.trim());
    if (!m) {
      if (line.trim() === "") continue;
      break;
    }
    list.params.set(paramKey({ name: m[1]!, in: "query" }), {
      name: m[1]!,
      in: "query",
      required: false,
      shape: shapeFromProse(m[2]!),
      notes: [],
    });
  }
  return model;
}

// Pexip ----------------------------------------------------------------------------------------

interface Bullet {
  indent: number;
  text: string;
  /** The prose lines under the bullet ("Values are da, de, … or pl."). */
  details: string[];
  children: Bullet[];
}

function bullets(lines: string[]): Bullet[] {
  const root: Bullet = { indent: -1, text: "", details: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const at = line.indexOf("•");
    if (at < 0) {
      if (line.trim() !== "") stack.at(-1)!.details.push(line.trim());
      continue;
    }
    const bullet: Bullet = { indent: at, text: line.slice(at + 1).trim(), details: [], children: [] };
    while (stack.length > 1 && stack.at(-1)!.indent >= at) stack.pop();
    stack.at(-1)!.children.push(bullet);
    stack.push(bullet);
  }
  return root.children;
}

function pexipField(bullet: Bullet): { name: string; required: boolean; shape: Shape } {
  const m = /^(\S+)\s+(.+?)(\s+Required)?$/.exec(bullet.text);
  if (!m) throw new Error(`pexip: cannot read the field line "${bullet.text}"`);
  const shape = shapeFromProse(m[2]!);
  const values = bullet.details.map((d) => /^Values are (.+)\.$/.exec(d)?.[1]).find((v) => v !== undefined);
  if (values)
    shape.enum = values
      .split(/,\s*(?:or\s+)?|\s+or\s+/)
      .map((v) => v.trim())
      .filter(Boolean);
  const target = shape.items ?? shape;
  for (const child of bullet.children) {
    const field = pexipField(child);
    target.props.set(field.name, field.shape);
    if (field.required) target.required.add(field.name);
  }
  return { name: m[1]!, required: m[3] !== undefined, shape };
}

function pexipModel(dir: string): Model {
  const text = readVendorFile(dir, "pexip", "operation-getcustomerbyid.txt");
  const [, method, path] = /^(GET|POST|PUT|PATCH|DELETE) (\/\S+)$/m.exec(text) ?? [];
  if (!method || !path) throw new Error("pexip: the operation page has no request line");
  const lines = text.split("\n");
  const section = (start: string, end: string) =>
    lines.slice(
      lines.indexOf(start) + 1,
      lines.findIndex((l, i) => i > lines.indexOf(start) && l.startsWith(end)),
    );
  const op: Operation = {
    method,
    path,
    params: new Map(),
    responses: new Map(),
    responseNotes: new Map(),
    notes: [],
    covers: { params: true, body: true, statuses: true, fields: true, required: true, nullability: true },
  };
  for (const b of bullets(section("Path parameters", "Responses"))) {
    const field = pexipField(b);
    op.params.set(paramKey({ name: field.name, in: "path" }), {
      name: field.name,
      in: "path",
      required: field.required,
      shape: field.shape,
      notes: [],
    });
  }
  // Header parameters: the page's "Headers" section lists none (its curl example sends some).
  for (const b of bullets(section("Responses", `${method} ${path}`))) {
    const [status] = b.text.split(/\s+/);
    const body: Shape = { ...emptyShape(), types: new Set(["object"]) };
    for (const child of b.children) {
      const field = pexipField(child);
      body.props.set(field.name, field.shape);
      if (field.required) body.required.add(field.name);
    }
    op.responses.set(status!, body);
  }
  return { operations: new Map([[operationKey(method, path), op]]), notes: [] };
}

// Coax -----------------------------------------------------------------------------------------

/** The page's operation titles, with our operationId for each. */
const COAX_OPERATIONS: Record<string, string> = {
  "List customers": "listCustomers",
  "Create or update a customer": "upsertCustomer",
  "Create a customer": "createCustomer",
  "Get customer details": "getCustomer",
  "Update a customer": "updateCustomer",
  "Delete a customer": "deleteCustomer",
};

/** Splits names the stored page glued together ("pagepage_sizeq") with the names we know; what is left is reported. */
function segment(glued: string, known: string[]): { names: string[]; rest: string } {
  const sorted = [...new Set(known)].sort((x, y) => y.length - x.length);
  const split = (text: string, at = 0): string[] | undefined => {
    if (at === text.length) return [];
    for (const name of sorted) {
      if (!text.startsWith(name, at)) continue;
      const tail = split(text, at + name.length);
      if (tail) return [name, ...tail];
    }
    return undefined;
  };
  // The longest start that splits into known names; what follows it is a name we do not have.
  for (let end = glued.length; end >= 0; end--) {
    const names = split(glued.slice(0, end));
    if (names) return { names, rest: glued.slice(end) };
  }
  return { names: [], rest: glued };
}

function coaxModel(dir: string, mine: Model, unverifiable: string[]): Model {
  const text = readVendorFile(dir, "coax", "customers-routes.txt");
  const titles = Object.keys(COAX_OPERATIONS);
  const stripTitles = (s: string) => titles.reduce((acc, t) => (acc.endsWith(t) ? acc.slice(0, -t.length) : acc), s);
  const model: Model = { operations: new Map(), notes: [] };
  for (const [title, operationId] of Object.entries(COAX_OPERATIONS)) {
    const [key, our] = [...mine.operations].find(([, op]) => op.operationId === operationId) ?? [];
    if (!key || !our) {
      model.operations.set(`(${title})`, {
        method: "?",
        path: title,
        params: new Map(),
        responses: new Map(),
        responseNotes: new Map(),
        notes: [],
        covers: { params: false, body: false, statuses: false, fields: false, required: false, nullability: false },
      });
      continue;
    }
    const op: Operation = {
      operationId,
      method: our.method,
      path: our.path,
      params: new Map(),
      responses: new Map(),
      responseNotes: new Map(),
      notes: [],
      covers: { params: true, body: true, statuses: false, fields: true, required: false, nullability: false },
    };
    // Each section runs from the title line to the next title.
    const start = text.indexOf(`${title}\n`);
    const ends = titles.map((t) => text.indexOf(`${t}\n`, start + title.length + 1)).filter((i) => i > start);
    const body = text.slice(start, ends.length > 0 ? Math.min(...ends) : undefined);
    const fieldsAfter = (marker: string) => {
      const at = body.indexOf(marker);
      return at < 0 ? undefined : body.slice(at + marker.length).split("\n")[0]!;
    };
    const queryLine = fieldsAfter("query Parameters\n");
    if (queryLine !== undefined) {
      const glued = queryLine.replace(/Headers$/, "");
      const { names, rest } = segment(
        glued,
        [...our.params.values()].map((p) => p.name),
      );
      for (const name of names) op.params.set(paramKey({ name, in: "query" }), { name, in: "query", required: false, notes: [] });
      if (rest) op.params.set(paramKey({ name: rest, in: "query" }), { name: rest, in: "query", required: false, notes: [] });
    }
    const bodyLine = fieldsAfter(`${title} › Request Body\n`);
    if (bodyLine !== undefined) {
      const glued = stripTitles(
        bodyLine.replace(/Create.*› Responses$|Update.*› Responses$/, "").replace(new RegExp(`${title} › Responses$`), ""),
      );
      const { names, rest } = segment(glued, [...(our.body?.props.keys() ?? [])]);
      op.body = { ...emptyShape(), types: new Set(["object"]) };
      for (const name of [...names, ...(rest ? [rest] : [])]) op.body.props.set(name, emptyShape());
    }
    // "<title> › Responses\n<description>\n<glued field names><next title>"
    const responses = body.slice(body.indexOf(`${title} › Responses\n`));
    const responseLine = stripTitles(responses.split("\n")[2] ?? "");
    const success = [...our.responses.keys()].filter((s) => s.startsWith("2"));
    if (success.length === 0) unverifiable.push(`${title}: our spec has no success status`);
    const knownTop = [...new Set(success.flatMap((s) => [...(our.responses.get(s)?.props.keys() ?? [])]))];
    const { names, rest } = segment(responseLine, knownTop);
    const documented: Shape = { ...emptyShape(), types: new Set(["object"]) };
    for (const name of [...names, ...(rest ? [rest] : [])]) documented.props.set(name, emptyShape());
    for (const status of success) op.responses.set(status, documented);
    model.operations.set(key, op);
  }
  // The introduction names the one route outside the customers page.
  const intro = readVendorFile(dir, "coax", "introduction.excerpt.txt");
  for (const [, method, path] of intro.matchAll(/\b(GET) (\/health)\b/g)) {
    const key = operationKey(method!, path!);
    if (!model.operations.has(key)) {
      model.operations.set(key, {
        method: method!,
        path: path!,
        params: new Map(),
        responses: new Map(),
        responseNotes: new Map(),
        notes: [],
        covers: { params: false, body: false, statuses: false, fields: false, required: false, nullability: false },
      });
    }
  }
  return model;
}

// Main -----------------------------------------------------------------------------------------

const { dir, looked } = vendorSpecsDir();
if (!dir) {
  const line = `spec:diff skipped: the vendors' documents were not found (looked in ${looked.join(", ")}).`;
  if (process.env.CI === "true") {
    console.error(`${line}\nCI always has shared/ beside its clone, so this is an error there.`);
    process.exit(1);
  }
  console.log(line);
  process.exit(0);
}

const only = process.argv.slice(2);
let unexplainedTotal = 0;
let explainedTotal = 0;
const verbose = process.argv.includes("--verbose") || process.env.SPEC_DIFF_VERBOSE === "1";
for (const [vendor, source] of Object.entries(VENDORS)) {
  if (only.filter((a) => !a.startsWith("--")).length > 0 && !only.includes(vendor)) continue;
  const { differences, unverifiable } = source.compare(dir);
  const unexplained = differences.filter((d) => !d.explainedBy);
  unexplainedTotal += unexplained.length;
  explainedTotal += differences.length - unexplained.length;
  console.log(`\n## ${vendor}: ${source.source}`);
  console.log(
    `   ${differences.length} differences: ${differences.length - unexplained.length} explained by x-vendor-deviation, ${unexplained.length} unexplained`,
  );
  for (const d of differences) {
    if (!d.explainedBy || verbose) {
      console.log(`   ${d.explainedBy ? "explained  " : "UNEXPLAINED"} ${d.operation} · ${d.where}: ${d.what}`);
      if (d.explainedBy && verbose) console.log(`               ↳ ${d.explainedBy.replace(/\s+/g, " ").slice(0, 160)}`);
    }
  }
  for (const u of unverifiable) console.log(`   not comparable: ${u}`);
}
console.log(
  `\nspec:diff: ${explainedTotal} explained, ${unexplainedTotal} unexplained difference(s) (vendor documents: ${dir}).`,
);
if (unexplainedTotal > 0) process.exitCode = 1;
