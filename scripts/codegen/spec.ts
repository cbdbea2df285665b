/** Read an OpenAPI document and the `x-customer-api` facts in it, refusing anything malformed. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  node: JsonObject;
  /** Path-level and operation-level parameters, `$ref`s resolved. */
  parameters: JsonObject[];
}

export class SpecError extends Error {}

export function loadSpec(file: string): JsonObject {
  const doc = parse(readFileSync(file, "utf8")) as Json;
  if (!isObject(doc)) throw new SpecError(`${file}: not an OpenAPI document`);
  return doc;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/...`), once or along a chain. */
export function resolve(spec: JsonObject, node: Json | undefined): Json | undefined {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops > 20 || !current.$ref.startsWith("#/")) throw new SpecError(`unsupported $ref ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<Json | undefined>(
        (at, key) => (isObject(at) ? at[key.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined),
        spec,
      );
  }
  return current;
}

export function operations(spec: JsonObject): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isObject(node)) continue;
      const parameters = [...asArray(item.parameters), ...asArray(node.parameters)].map((p) => resolve(spec, p)).filter(isObject);
      found.push({ operationId: String(node.operationId ?? ""), method, path, node, parameters });
    }
  }
  return found;
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** Rejects keys the extension does not define, so a typo is an error rather than a silent default. */
export function expectKeys(where: string, value: Json | undefined, allowed: readonly string[]): JsonObject {
  if (!isObject(value)) throw new SpecError(`${where}: expected an object`);
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new SpecError(`${where}: unknown key(s) ${unknown.join(", ")}; allowed: ${allowed.join(", ")}`);
  return value;
}

/** A JSON pointer or a list of them, as a list. */
export function pointers(where: string, value: Json | undefined): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  for (const pointer of list) {
    if (typeof pointer !== "string" || (pointer !== "" && !pointer.startsWith("/"))) {
      throw new SpecError(`${where}: ${JSON.stringify(pointer)} is not a JSON pointer ("" or starting with "/")`);
    }
  }
  return list as string[];
}
