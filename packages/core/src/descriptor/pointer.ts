/**
 * JSON pointers (RFC 6901) into a typed body. A vendor's spec says where things sit ("/meta/next_cursor")
 * and the generated descriptor turns each pointer into an accessor with `at<Body>()(pointer)`: the type
 * below walks the pointer through the spec's types, so a pointer naming a field the schema lacks fails
 * `tsc`, and the accessor returns the field's own type.
 */

type Step<T, Key extends string> = T extends readonly (infer Item)[]
  ? Key extends `${number}`
    ? Item
    : never
  : T extends object
    ? Key extends keyof T
      ? T[Key]
      : never
    : never;

/** The type at `Pointer` inside `T` (over every member of a union), or `never` when no member has it. */
export type At<T, Pointer extends string> = Pointer extends ""
  ? T
  : Pointer extends `/${infer Head}/${infer Rest}`
    ? At<Step<NonNullable<T>, Head>, `/${Rest}`>
    : Pointer extends `/${infer Head}`
      ? Step<NonNullable<T>, Head>
      : never;

/** Reads one field of a body; `undefined` when the body does not have it. */
export interface Accessor<Body = never, Value = unknown> {
  (body: Body): Value | undefined;
  /** The pointer as the spec wrote it, for messages and tests. */
  readonly pointer: string;
}

type Checked<T, Pointer extends string> = [At<T, Pointer>] extends [never]
  ? { error: "this JSON pointer names a field the schema lacks"; pointer: Pointer }
  : Pointer;

/** `at<Body>()("/meta/next_cursor")`: a typed accessor; `tsc` rejects a pointer the schema lacks. */
export function at<Body>() {
  return <const Pointer extends string>(pointer: Checked<Body, Pointer>): Accessor<Body, At<Body, Pointer>> =>
    accessor(pointer as string) as Accessor<Body, At<Body, Pointer>>;
}

/** An untyped accessor, for pointers that come from data rather than from generated code. */
export function accessor(pointer: string): Accessor<unknown> {
  const path = parsePointer(pointer);
  const read = (body: unknown) => readPath(body, path);
  return Object.assign(read, { pointer });
}

function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new TypeError(`A JSON pointer starts with "/": ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Own properties and array indexes only: a pointer never reaches `__proto__` or a prototype's method. */
function readPath(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const segment of path) {
    if (Array.isArray(value)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      value = value[Number(segment)];
    } else if (typeof value === "object" && value !== null && Object.hasOwn(value, segment)) {
      value = (value as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return value;
}
