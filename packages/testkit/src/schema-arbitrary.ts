/**
 * fast-check arbitraries from the JSON Schema subset our OpenAPI 3.1 specs use: `$ref` to
 * components, `type` (one or a list, `"null"` included), `properties`/`required`, `items`,
 * `enum`/`const`, `oneOf`/`anyOf`/`allOf`, string `format`s and numeric bounds. Enough to make
 * records "as the vendor documents them"; the fuzz tests then mutate them beyond the schema.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parse } from "yaml";

export type Schema = Record<string, unknown>;

const specsDir = new URL("../../../specs/", import.meta.url);

/** `components.schemas` of a vendor's spec in this repo. */
export function loadSpecSchemas(vendor: string): Record<string, Schema> {
  const spec = parse(readFileSync(new URL(`${vendor}.yaml`, specsDir), "utf8")) as {
    components?: { schemas?: Record<string, Schema> };
  };
  const schemas = spec.components?.schemas;
  if (!schemas) throw new Error(`specs/${vendor}.yaml has no components.schemas`);
  return schemas;
}

const ISO_DATE = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2035-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case "date-time":
      return ISO_DATE;
    case "date":
      return ISO_DATE.map((iso) => iso.slice(0, 10));
    case "email":
      return fc.emailAddress();
    case "uuid":
      return fc.uuid();
    case "uri":
    case "url":
      return fc.webUrl();
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : Math.max(minLength, 40);
  return fc.string({ minLength, maxLength, unit: "grapheme" });
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : integer ? 0 : -1e6;
  const max = typeof schema.maximum === "number" ? schema.maximum : integer ? 2 ** 31 - 1 : 1e6;
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values valid against `schema`, `$ref`s resolved in `schemas`. */
export function arbitraryFromSchema(schema: Schema, schemas: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = schemas[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return arbitraryFromSchema(target, schemas, depth + 1);
  }
  if (depth > 8) return fc.constant(null);
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(schema[key])) {
      return fc.oneof(...(schema[key] as Schema[]).map((s) => arbitraryFromSchema(s, schemas, depth + 1)));
    }
  }
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as Schema[]).map((s) => arbitraryFromSchema(s, schemas, depth + 1));
    // `properties` and `required` beside `allOf` apply too (Shtara's Customer has both).
    const { allOf: _, ...siblings } = schema;
    if (siblings.properties !== undefined) parts.push(arbitraryFromSchema(siblings, schemas, depth + 1));
    return fc
      .tuple(...parts)
      .map((values) =>
        values.every((v) => typeof v === "object" && v !== null && !Array.isArray(v))
          ? Object.assign({}, ...values)
          : values[values.length - 1],
      );
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (types.length === 0) {
    return schema.properties ? objectArbitrary(schema, schemas, depth) : fc.jsonValue({ maxDepth: 2 });
  }
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case "null":
          return fc.constant(null);
        case "string":
          return stringArbitrary(schema);
        case "integer":
          return numberArbitrary(schema, true);
        case "number":
          return numberArbitrary(schema, false);
        case "boolean":
          return fc.boolean();
        case "array":
          return fc.array(
            schema.items ? arbitraryFromSchema(schema.items as Schema, schemas, depth + 1) : fc.jsonValue({ maxDepth: 1 }),
            { maxLength: 3 },
          );
        case "object":
          return objectArbitrary(schema, schemas, depth);
        default:
          throw new Error(`schema type ${type} is not in the supported subset`);
      }
    }),
  );
}

function objectArbitrary(schema: Schema, schemas: Record<string, Schema>, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) model[name] = arbitraryFromSchema(property, schemas, depth + 1);
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
}
