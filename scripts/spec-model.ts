/**
 * One comparable model of an API's operations, built from an OpenAPI document (ours or a vendor's)
 * or from what a vendor's prose pages state: paths, methods, parameters, request and response
 * fields with their types, required flags and statuses. Each node keeps the `x-vendor-deviation`
 * notes our spec puts on it, so a difference can be matched with the note that explains it.
 */
// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is walked field by field without a schema
type Doc = Record<string, any>;

export interface Shape {
  /** JSON types: object, array, string, number, integer, boolean, null. Empty: unknown. */
  types: Set<string>;
  props: Map<string, Shape>;
  required: Set<string>;
  items?: Shape;
  enum?: string[];
  /** `x-vendor-deviation` notes on this node (and on the schemas it is built from). */
  notes: string[];
}

export interface Param {
  name: string;
  in: string;
  required: boolean;
  shape?: Shape;
  notes: string[];
}

export interface Operation {
  operationId?: string;
  method: string;
  path: string;
  params: Map<string, Param>;
  body?: Shape;
  /** Status code -> JSON body shape (undefined: no JSON body documented). */
  responses: Map<string, Shape | undefined>;
  responseNotes: Map<string, string[]>;
  notes: string[];
  /** What the source documents; a part it does not cover is not compared. */
  covers: {
    params: boolean | "listed";
    body: boolean;
    statuses: boolean;
    fields: boolean;
    required: boolean;
    nullability: boolean;
  };
}

export interface Model {
  operations: Map<string, Operation>;
  notes: string[];
}

/** `GET /customers/{}`: the key two documents share for an operation whatever they name the path parameter. */
export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, "{}")}`;
export const paramKey = (p: { name: string; in: string }) => `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

export const emptyShape = (): Shape => ({ types: new Set(), props: new Map(), required: new Set(), notes: [] });

function deviationNotes(node: Doc | undefined): string[] {
  const note = node?.["x-vendor-deviation"];
  return typeof note === "string" ? [note] : Array.isArray(note) ? note.filter((n) => typeof n === "string") : [];
}

/** Builds the model of an OpenAPI 3.0 or 3.1 document. */
export function modelFromOpenApi(doc: Doc, covers: Partial<Operation["covers"]> = {}): Model {
  const resolve = (node: Doc | undefined, seen: string[] = []): { node: Doc | undefined; notes: string[] } => {
    const notes: string[] = [];
    let current = node;
    while (current && typeof current.$ref === "string") {
      notes.push(...deviationNotes(current));
      const ref: string = current.$ref;
      if (seen.includes(ref)) return { node: undefined, notes };
      seen = [...seen, ref];
      current = ref
        .replace(/^#\//, "")
        .split("/")
        .map((s) => decodeURIComponent(s.replace(/~1/g, "/").replace(/~0/g, "~")))
        .reduce<Doc | undefined>((at, key) => at?.[key], doc);
    }
    return { node: current, notes };
  };

  const shapeOf = (schema: Doc | undefined, depth = 0): Shape => {
    const { node, notes } = resolve(schema);
    const shape = emptyShape();
    shape.notes.push(...notes, ...deviationNotes(node));
    if (!node || depth > 12) return shape;
    const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
    for (const t of types) shape.types.add(t);
    if (node.nullable === true) shape.types.add("null");
    if (Array.isArray(node.enum)) shape.enum = node.enum.filter((v: unknown) => v !== null).map(String);
    if (node.properties && types.length === 0) shape.types.add("object");
    for (const [name, prop] of Object.entries<Doc>(node.properties ?? {})) shape.props.set(name, shapeOf(prop, depth + 1));
    for (const name of node.required ?? []) shape.required.add(name);
    if (node.items) shape.items = shapeOf(node.items, depth + 1);
    for (const part of node.allOf ?? []) merge(shape, shapeOf(part, depth + 1), "all");
    for (const part of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) merge(shape, shapeOf(part, depth + 1), "any");
    return shape;
  };

  const model: Model = { operations: new Map(), notes: deviationNotes(doc) };
  for (const [path, rawItem] of Object.entries<Doc>(doc.paths ?? {})) {
    const item = resolve(rawItem).node ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const operation: Operation = {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        params: new Map(),
        responses: new Map(),
        responseNotes: new Map(),
        notes: [...deviationNotes(item), ...deviationNotes(op)],
        covers: { params: true, body: true, statuses: true, fields: true, required: true, nullability: true, ...covers },
      };
      for (const rawParam of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const { node: param, notes } = resolve(rawParam);
        if (!param?.name) continue;
        operation.params.set(paramKey(param), {
          name: param.name,
          in: param.in,
          required: param.required === true,
          shape: param.schema ? shapeOf(param.schema) : undefined,
          notes: [...notes, ...deviationNotes(param)],
        });
      }
      const body = resolve(op.requestBody);
      const bodyContent = body.node?.content ?? {};
      const bodySchema = (bodyContent["application/json"] ?? bodyContent["multipart/form-data"] ?? Object.values(bodyContent)[0])
        ?.schema;
      if (bodySchema) {
        operation.body = shapeOf(bodySchema);
        operation.body.notes.push(...body.notes, ...deviationNotes(body.node));
      }
      for (const [status, rawResponse] of Object.entries<Doc>(op.responses ?? {})) {
        const { node: response, notes } = resolve(rawResponse);
        const schema = response?.content?.["application/json"]?.schema;
        operation.responses.set(String(status), schema ? shapeOf(schema) : undefined);
        operation.responseNotes.set(String(status), [...notes, ...deviationNotes(response)]);
      }
      model.operations.set(operationKey(method, path), operation);
    }
  }
  return model;
}

/** allOf adds everything; oneOf/anyOf widen the types and offer every variant's properties. */
function merge(into: Shape, from: Shape, mode: "all" | "any"): void {
  for (const t of from.types) into.types.add(t);
  for (const [name, prop] of from.props) {
    const known = into.props.get(name);
    if (known) merge(known, prop, "any");
    else into.props.set(name, prop);
  }
  if (mode === "all" || from.types.has("object")) for (const name of from.required) into.required.add(name);
  if (from.items) {
    if (into.items) merge(into.items, from.items, "any");
    else into.items = from.items;
  }
  if (from.enum) into.enum = [...new Set([...(into.enum ?? []), ...from.enum])];
  into.notes.push(...from.notes);
}

/** A shape from a prose type such as `string | null`, `array[object]`, `Integer`, `String (ISO 8601)`. */
export function shapeFromProse(type: string): Shape {
  const shape = emptyShape();
  for (const raw of type.split("|").map((t) => t.trim().toLowerCase())) {
    const array = /^array\[(\w+)\]/.exec(raw);
    if (array) {
      shape.types.add("array");
      shape.items = shapeFromProse(array[1]!);
      continue;
    }
    const word = /^(\w+)/.exec(raw)?.[1];
    if (word === "decimal") shape.types.add("string");
    else if (word) shape.types.add(word);
  }
  return shape;
}
