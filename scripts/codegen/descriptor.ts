/**
 * Writes `src/generated/descriptor.ts` from a spec's `x-customer-api` extensions (specs/README.md):
 * the facts as data, and every JSON pointer as `at<Body>()(pointer)` over the types openapi-typescript
 * generates from the same spec, so `tsc` fails when an extension names a field the schema lacks.
 */
import {
  expectKeys,
  isObject,
  type Json,
  type JsonObject,
  loadSpec,
  operations,
  pointers,
  resolve,
  SpecError,
  type SpecOperation,
} from "./spec.js";

const ROOT_KEYS = ["baseUrl", "authScheme", "rateLimit", "requestIdHeaders", "errors", "retryAfter"] as const;
const ERROR_KEYS = ["message", "code", "fields", "requestId"] as const;
const METHODS = ["get", "list", "create", "update", "delete", "upsert"] as const;
const PAGING_KEYS = {
  cursor: {
    params: ["cursorParam", "pageSizeParam"],
    body: ["items", "nextCursor", "hasMore"],
    required: ["cursorParam", "items", "nextCursor"],
  },
  offset: { params: ["offsetParam", "limitParam"], body: ["items", "total"], required: ["offsetParam", "limitParam", "items"] },
  page: {
    params: ["pageParam", "pageSizeParam"],
    body: ["items", "totalPages", "total", "pageSize"],
    required: ["pageParam", "items"],
  },
} as const;

const JSON_MEDIA = /^application\/(.+\+)?json$/;

export function descriptorSource(specFile: string, vendor: string, specLabel: string): string {
  const spec = loadSpec(specFile);
  const root = expectKeys(`${specLabel} x-customer-api`, spec["x-customer-api"], ROOT_KEYS);
  const ops = operations(spec);
  const lines: string[] = [];
  const types = new Set<string>();

  const errorTypes = responseTypes(spec, ops, (status) => status === "default" || /^[45]/.test(status));
  const rateLimitedTypes = responseTypes(spec, ops, (status) => status === "429");
  if (errorTypes.length > 0) types.add(`type ErrorBody =${union(errorTypes)};`);
  if (rateLimitedTypes.length > 0) types.add(`type RateLimitedBody =${union(rateLimitedTypes)};`);

  lines.push(`export const descriptor = {`);
  lines.push(`  vendor: ${str(vendor)},`);
  const baseUrl = root.baseUrl ?? "servers";
  if (baseUrl === "servers") lines.push(`  baseUrl: ${str(firstServer(spec, specLabel))},`);
  else if (baseUrl !== "caller") throw new SpecError(`${specLabel} x-customer-api.baseUrl: "servers" or "caller"`);
  lines.push(`  authScheme: ${str(text(root.authScheme ?? "Bearer", "x-customer-api.authScheme"))},`);
  if (root.rateLimit !== undefined) {
    const limit = expectKeys(`${specLabel} x-customer-api.rateLimit`, root.rateLimit, ["limit", "intervalMs", "concurrency"]);
    for (const [key, value] of Object.entries(limit)) {
      if (!(typeof value === "number" && Number.isInteger(value) && value > 0)) {
        throw new SpecError(`${specLabel} x-customer-api.rateLimit.${key}: a whole number > 0`);
      }
    }
    if (limit.limit === undefined || limit.intervalMs === undefined) {
      throw new SpecError(`${specLabel} x-customer-api.rateLimit: needs limit and intervalMs`);
    }
    lines.push(
      `  rateLimit: { ${Object.entries(limit)
        .map(([key, value]) => `${key}: ${value}`)
        .join(", ")} },`,
    );
  }
  const headers = root.requestIdHeaders ?? [];
  if (!Array.isArray(headers) || !headers.every((h) => typeof h === "string")) {
    throw new SpecError(`${specLabel} x-customer-api.requestIdHeaders: a list of header names`);
  }
  lines.push(`  requestIdHeaders: [${headers.map((h) => str((h as string).toLowerCase())).join(", ")}],`);

  const errors = expectKeys(`${specLabel} x-customer-api.errors`, root.errors ?? {}, ERROR_KEYS);
  lines.push(`  errors: {`);
  for (const key of ERROR_KEYS) {
    const list = pointers(`${specLabel} x-customer-api.errors.${key}`, errors[key]);
    if (list.length > 0 && errorTypes.length === 0)
      throw new SpecError(`${specLabel}: errors.${key} but no error response has a JSON body`);
    lines.push(`    ${key}: [${list.map((p) => `at<ErrorBody>()(${str(p)})`).join(", ")}],`);
  }
  lines.push(`  },`);

  if (root.retryAfter !== undefined) {
    const hint = expectKeys(`${specLabel} x-customer-api.retryAfter`, root.retryAfter, ["at", "unit"]);
    const [pointer] = pointers(`${specLabel} x-customer-api.retryAfter.at`, hint.at);
    if (pointer === undefined) throw new SpecError(`${specLabel} x-customer-api.retryAfter.at is required`);
    if (rateLimitedTypes.length === 0) throw new SpecError(`${specLabel}: retryAfter but no 429 response has a JSON body`);
    const unit = hint.unit ?? "seconds";
    if (unit !== "seconds" && unit !== "milliseconds")
      throw new SpecError(`${specLabel} retryAfter.unit: seconds or milliseconds`);
    lines.push(`  retryAfter: { at: at<RateLimitedBody>()(${str(pointer)}), unit: ${str(unit)} },`);
  }

  lines.push(`  customers: {`);
  const seen = new Set<string>();
  for (const op of ops) {
    const ext = op.node["x-customer-api-operation"];
    if (ext === undefined) continue;
    const where = `${specLabel} ${op.method.toUpperCase()} ${op.path} x-customer-api-operation`;
    const facts = expectKeys(where, ext, ["method", "record", "paging"]);
    const method = String(facts.method ?? "").replace(/^customers\./, "");
    if (!String(facts.method).startsWith("customers.") || !(METHODS as readonly string[]).includes(method)) {
      throw new SpecError(`${where}.method: one of ${METHODS.map((m) => `customers.${m}`).join(", ")}`);
    }
    if (seen.has(method)) throw new SpecError(`${where}: customers.${method} is named by two operations`);
    seen.add(method);
    if (op.operationId === "") throw new SpecError(`${where}: the operation needs an operationId`);
    const opType = `operations[${str(op.operationId)}]`;
    // The operationId names the types; at run time an operation is its method and path, which cost an app less.
    lines.push(`    ${method}: {`);
    lines.push(`      // operationId ${str(op.operationId)}`);
    lines.push(`      method: ${str(op.method)},`);
    lines.push(`      path: ${str(op.path)},`);
    const pathParams = op.parameters.filter((p) => p.in === "path");
    if (pathParams.length > 1) throw new SpecError(`${where}: more than one path parameter`);
    if (pathParams[0]) {
      lines.push(`      idParam: ${str(String(pathParams[0].name))} satisfies keyof ${opType}["parameters"]["path"],`);
    }
    const successBody = successType(spec, op);
    const success = successBody && bodyAlias(op.operationId);
    if (successBody && (facts.record !== undefined || method === "list")) types.add(`type ${success} = ${successBody};`);
    if (facts.record !== undefined) {
      const [pointer] = pointers(`${where}.record`, facts.record);
      if (success === undefined) throw new SpecError(`${where}.record: the operation has no JSON success body`);
      lines.push(`      record: at<${success}>()(${str(pointer!)}),`);
    }
    if (method === "list") {
      if (facts.paging === undefined) throw new SpecError(`${where}: customers.list needs paging`);
      if (success === undefined) throw new SpecError(`${where}.paging: the operation has no JSON success body`);
      lines.push(...pagingLines(spec, op, facts.paging, success, `${where}.paging`));
    } else if (facts.paging !== undefined) {
      throw new SpecError(`${where}.paging: only customers.list pages`);
    }
    lines.push(`    },`);
  }
  lines.push(`  },`);
  lines.push(`} as const satisfies VendorDescriptor;`);

  return [
    `/**`,
    ` * Generated by \`pnpm generate\` from ${specLabel} (its x-customer-api extensions). Do not edit.`,
    ` */`,
    `import { at, type VendorDescriptor } from "@customer-api/core/vendor-kit";`,
    `import type { components, operations } from "./schema.js";`,
    ``,
    `type Query<Op extends keyof operations> = keyof NonNullable<operations[Op]["parameters"]["query"]>;`,
    ...types,
    ``,
    ...lines,
    ``,
  ].join("\n");
}

function pagingLines(spec: JsonObject, op: SpecOperation, value: Json, body: string, where: string): string[] {
  if (!isObject(value) || !(typeof value.style === "string" && value.style in PAGING_KEYS)) {
    throw new SpecError(`${where}.style: cursor, offset or page`);
  }
  const style = value.style as keyof typeof PAGING_KEYS;
  const keys = PAGING_KEYS[style];
  const facts = expectKeys(where, value, ["style", ...keys.params, ...keys.body]);
  for (const key of keys.required)
    if (facts[key] === undefined) throw new SpecError(`${where}.${key} is required for ${style} paging`);
  const lines = [`      paging: {`, `        style: ${str(style)},`];
  const query = op.parameters.filter((p) => p.in === "query");
  let pageSizeParam: JsonObject | undefined;
  for (const key of keys.params) {
    if (facts[key] === undefined) continue;
    const name = text(facts[key], `${where}.${key}`);
    const parameter = query.find((p) => p.name === name);
    if (!parameter) throw new SpecError(`${where}.${key}: the operation has no query parameter ${JSON.stringify(name)}`);
    if (key === "pageSizeParam" || key === "limitParam") pageSizeParam = parameter;
    lines.push(`        ${key}: ${str(name)} satisfies Query<${str(op.operationId)}>,`);
  }
  const fallback = resolve(spec, pageSizeParam?.schema);
  if (isObject(fallback) && typeof fallback.default === "number") lines.push(`        defaultPageSize: ${fallback.default},`);
  for (const key of keys.body) {
    const list = pointers(`${where}.${key}`, facts[key]);
    if (list.length === 0) continue;
    if (key !== "items" && list.length > 1) throw new SpecError(`${where}.${key}: one pointer`);
    const typed = list.map((p) => `at<${body}>()(${str(p)})`);
    lines.push(`        ${key}: ${key === "items" ? `[${typed.join(", ")}]` : typed[0]},`);
  }
  lines.push(`      },`);
  return lines;
}

/** The type of the operation's first 2xx JSON body, as openapi-typescript names it. */
function successType(spec: JsonObject, op: SpecOperation): string | undefined {
  return responseTypes(spec, [op], (status) => /^2/.test(status))[0];
}

function responseTypes(spec: JsonObject, ops: SpecOperation[], wanted: (status: string) => boolean): string[] {
  const found: string[] = [];
  for (const op of ops) {
    if (op.operationId === "") continue;
    for (const [status, response] of Object.entries(op.node.responses ?? {})) {
      if (!wanted(status) || !isObject(response)) continue;
      // A referenced response's content is still reached through the operation's own types.
      const resolved = resolve(spec, response);
      const media = isObject(resolved) && isObject(resolved.content) ? Object.keys(resolved.content) : [];
      for (const type of media.filter((m) => JSON_MEDIA.test(m))) {
        // A named schema reads best; otherwise the body is reached through the operation.
        const schema =
          isObject(resolved) && isObject(resolved.content) ? (resolved.content[type] as JsonObject).schema : undefined;
        const named =
          isObject(schema) && typeof schema.$ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref) : null;
        found.push(
          named
            ? `components["schemas"][${str(named[1]!)}]`
            : `operations[${str(op.operationId)}]["responses"][${/^\d+$/.test(status) ? status : str(status)}]["content"][${str(type)}]`,
        );
      }
    }
  }
  return found;
}

function firstServer(spec: JsonObject, where: string): string {
  const server = Array.isArray(spec.servers) ? spec.servers[0] : undefined;
  if (!isObject(server) || typeof server.url !== "string")
    throw new SpecError(`${where}: baseUrl "servers" needs servers[0].url`);
  return server.url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const variable = isObject(server.variables) ? server.variables[name] : undefined;
    if (!isObject(variable) || typeof variable.default !== "string")
      throw new SpecError(`${where}: server variable ${name} has no default`);
    return variable.default;
  });
}

function union(types: string[]): string {
  const unique = [...new Set(types)];
  return unique.length === 1 ? ` ${unique[0]}` : unique.map((t) => `\n  | ${t}`).join("");
}

/** `listCustomers` -> `ListCustomersBody`, the alias of its success body. */
const bodyAlias = (operationId: string) =>
  `${operationId.charAt(0).toUpperCase()}${operationId.slice(1).replace(/\W/g, "_")}Body`;

function text(value: Json | undefined, where: string): string {
  if (typeof value !== "string" || value === "") throw new SpecError(`${where}: a non-empty string`);
  return value;
}

const str = (value: string) => JSON.stringify(value);
