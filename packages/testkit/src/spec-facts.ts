/**
 * What the contract suite reads from a vendor's spec besides the descriptor: the documented error
 * statuses of each operation with their first example body, a request body example and an id
 * that the operation's schema accepts.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

export interface SpecFacts {
  path: string;
  /** An operation by its method and path, as the generated descriptor names it. */
  operation(at: { method: string; path: string }): {
    errors: { status: number; body: unknown }[];
    requestExample: unknown;
    idExample(idParam: string): string | number;
  };
}

/** The spec the package in `dir` names in its package.json (`customerApi.spec`). */
export function vendorSpecPath(dir = process.cwd()): string {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { customerApi?: { spec?: string } };
  if (!manifest.customerApi?.spec) throw new Error(`${dir}/package.json names no customerApi.spec`);
  return resolve(dir, manifest.customerApi.spec);
}

export function readSpec(path: string): SpecFacts {
  const spec = parse(readFileSync(path, "utf8")) as Node;
  const deref = (value: unknown): unknown => {
    let current = value;
    for (let hops = 0; isNode(current) && typeof current.$ref === "string" && hops < 20; hops++) {
      current = (current.$ref as string)
        .slice(2)
        .split("/")
        .reduce<unknown>((at, key) => (isNode(at) ? at[key] : undefined), spec);
    }
    return current;
  };
  const firstExample = (media: unknown): unknown => {
    const content = deref(media);
    if (!isNode(content)) return undefined;
    if (isNode(content.examples)) {
      const first = deref(Object.values(content.examples)[0]);
      if (isNode(first)) return first.value;
    }
    return content.example;
  };
  const operations = new Map<string, { node: Node; parameters: Node[] }>();
  for (const [route, item] of Object.entries(isNode(spec.paths) ? spec.paths : {})) {
    if (!isNode(item)) continue;
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      const node = item[method];
      if (!isNode(node)) continue;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((node.parameters as unknown[]) ?? [])]
        .map(deref)
        .filter(isNode);
      operations.set(`${method} ${route}`, { node, parameters });
    }
  }
  return {
    path,
    operation(at) {
      const found = operations.get(`${at.method} ${at.path}`);
      if (!found) throw new Error(`${path}: no operation ${at.method.toUpperCase()} ${at.path}`);
      const responses = isNode(found.node.responses) ? found.node.responses : {};
      const errors = Object.entries(responses)
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .map(([status, response]) => {
          const content = (deref(response) as Node | undefined)?.content;
          const json = isNode(content) ? Object.entries(content).find(([type]) => /json/.test(type))?.[1] : undefined;
          return { status: Number(status), body: firstExample(json) };
        });
      const body = deref(found.node.requestBody);
      const requestContent = isNode(body) && isNode(body.content) ? body.content["application/json"] : undefined;
      return {
        errors,
        requestExample: firstExample(requestContent),
        idExample(idParam) {
          const parameter = found.parameters.find((p) => p.in === "path" && p.name === idParam);
          const schema = deref(parameter?.schema) as Node | undefined;
          const example =
            parameter?.example ?? schema?.example ?? (Array.isArray(schema?.examples) ? schema.examples[0] : undefined);
          if (typeof example === "string" || typeof example === "number") return example;
          if (schema?.type === "integer" || schema?.type === "number") return 1;
          return schema?.format === "uuid" ? "3f6c1b52-8a2e-4c7d-9b1e-2d4f6a8c0e11" : "1";
        },
      };
    },
  };
}
