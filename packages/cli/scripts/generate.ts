/**
 * Writes src/generated/list-filters.ts from specs/<vendor>.yaml: for every vendor, the query
 * parameters of its list operation (the CLI's filter flags) and the record fields of its list
 * page (the column order of a `--raw` CSV export). `--check` fails instead of writing when the
 * file is stale, so CI catches a spec change that nobody regenerated.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const SPECS_DIR = fileURLToPath(new URL("../../../specs/", import.meta.url));
const OUTPUT = fileURLToPath(new URL("../src/generated/list-filters.ts", import.meta.url));
const LIST_OPERATION = "listCustomers";

type Node = Record<string, unknown>;

interface Filter {
  /** The query parameter as the vendor spells it. */
  param: string;
  /** The CLI flag (without `--`), derived from the parameter's name. */
  flag: string;
  type: "string" | "integer" | "number" | "boolean";
  /** Several values: the flag may be repeated. */
  array: boolean;
  enum?: string[];
  description: string;
}

function resolver(document: Node) {
  return function resolve(node: unknown): Node {
    let current = node as Node;
    for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
      const ref = current.$ref as string;
      if (!ref.startsWith("#/") || hops > 20) throw new Error(`Cannot follow $ref ${ref}`);
      current = ref
        .slice(2)
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce<Node>((at, key) => (at as Node)[key] as Node, document);
    }
    return current;
  };
}

function findListOperation(document: Node): Node {
  for (const item of Object.values((document.paths ?? {}) as Record<string, Node>)) {
    const get = item.get as Node | undefined;
    if (get?.operationId === LIST_OPERATION)
      return { ...get, parameters: [...((item.parameters as unknown[]) ?? []), ...((get.parameters as unknown[]) ?? [])] };
  }
  throw new Error(`No GET operation with operationId ${LIST_OPERATION}`);
}

/** `filter[lead_status.id][]` -> `lead-status-id`, `has_email` -> `has-email`. */
export function flagName(param: string): string {
  return param
    .replace(/^filter\[(.*)\]/, "$1")
    .replaceAll("[]", "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

function filtersOf(document: Node): Filter[] {
  const resolve = resolver(document);
  const operation = findListOperation(document);
  const filters: Filter[] = [];
  for (const raw of operation.parameters as unknown[]) {
    const parameter = resolve(raw);
    if (parameter.in !== "query") continue;
    const schema = resolve(parameter.schema ?? {});
    const array = schema.type === "array";
    const valueSchema = array ? resolve(schema.items ?? {}) : schema;
    const type = valueSchema.type;
    if (type !== "string" && type !== "integer" && type !== "number" && type !== "boolean") {
      throw new Error(`${String(parameter.name)}: unsupported parameter type ${JSON.stringify(type)}`);
    }
    const name = String(parameter.name);
    filters.push({
      param: name,
      flag: flagName(name),
      type,
      array,
      ...(Array.isArray(valueSchema.enum) ? { enum: valueSchema.enum.map(String) } : {}),
      description: String(parameter.description ?? schema.description ?? "")
        .replace(/\s+/g, " ")
        .trim(),
    });
  }
  return filters;
}

/**
 * The fields of one listed record, in spec order: the first array of objects found in the list
 * operation's 200 response (through `$ref`, `allOf`, `oneOf` and `anyOf`).
 */
function recordFieldsOf(document: Node): string[] {
  const resolve = resolver(document);
  const operation = findListOperation(document);
  const response = resolve(((operation.responses as Node)["200"] ?? {}) as Node);
  const media = ((response.content ?? {}) as Record<string, Node>)["application/json"];
  const fieldsOf = (node: unknown, depth: number): string[] | undefined => {
    if (depth > 12 || !node) return undefined;
    const schema = resolve(node);
    if (schema.type === "array" || schema.items) {
      const item = resolve(schema.items ?? {});
      const fields = propertiesOf(item);
      if (fields.length > 0) return fields;
    }
    for (const key of ["allOf", "oneOf", "anyOf"]) {
      for (const part of (schema[key] as unknown[]) ?? []) {
        const found = fieldsOf(part, depth + 1);
        if (found) return found;
      }
    }
    for (const property of Object.values((schema.properties ?? {}) as Record<string, unknown>)) {
      const found = fieldsOf(property, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const propertiesOf = (schema: Node): string[] => {
    const names = Object.keys((schema.properties ?? {}) as Node);
    for (const part of (schema.allOf as unknown[]) ?? []) names.push(...propertiesOf(resolve(part)));
    return [...new Set(names)];
  };
  const fields = fieldsOf(media?.schema, 0);
  if (!fields) throw new Error(`${LIST_OPERATION}: no array of records in the 200 response`);
  return fields;
}

const vendors = readdirSync(SPECS_DIR)
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.slice(0, -".yaml".length))
  .sort();

const tables = vendors.map((vendor) => {
  const document = parse(readFileSync(`${SPECS_DIR}${vendor}.yaml`, "utf8")) as Node;
  try {
    return { vendor, filters: filtersOf(document), recordFields: recordFieldsOf(document) };
  } catch (error) {
    throw new Error(`specs/${vendor}.yaml: ${(error as Error).message}`);
  }
});

const text = `// Generated by packages/cli/scripts/generate.ts from specs/*.yaml: do not edit; run \`pnpm generate\`.

export interface ListFilter {
  /** The query parameter as the vendor spells it. */
  readonly param: string;
  /** The CLI flag, without \`--\`. */
  readonly flag: string;
  readonly type: "string" | "integer" | "number" | "boolean";
  /** Several values: the flag may be repeated. */
  readonly array: boolean;
  readonly enum?: readonly string[];
  readonly description: string;
}

/** The query parameters of each vendor's \`${LIST_OPERATION}\` operation. */
export const listFilters = {
${tables.map((t) => `  ${t.vendor}: ${JSON.stringify(t.filters, null, 2).replace(/\n/g, "\n  ")},`).join("\n")}
} as const satisfies Record<string, readonly ListFilter[]>;

/** The fields of one listed record, in spec order: the columns of a \`--raw\` CSV export. */
export const recordFields = {
${tables.map((t) => `  ${t.vendor}: ${JSON.stringify(t.recordFields)},`).join("\n")}
} as const satisfies Record<string, readonly string[]>;

export type SpecVendor = keyof typeof listFilters;
/** The query parameter names of one vendor's list operation. */
export type ListParamName<V extends SpecVendor> = (typeof listFilters)[V][number]["param"];
`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(OUTPUT, "utf8");
  } catch {
    // A missing file is stale too.
  }
  if (current !== text) {
    console.error("packages/cli/src/generated/list-filters.ts is stale: run `pnpm generate`");
    process.exit(1);
  }
} else {
  writeFileSync(OUTPUT, text);
}
