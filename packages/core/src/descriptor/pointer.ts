/**
 * JSON pointers (RFC 6901) into a typed body. A vendor's spec says where things sit ("/meta/next_cursor")
 * and the generated descriptor types each pointer with `at<Body>()(pointer)`: the type below walks the
 * pointer through the spec's types, so a pointer naming a field the schema lacks fails `tsc`, and
 * `readPointer` returns the field's own type. At run time a pointer is its string, so a descriptor
 * costs no code until something reads it, and the reading code loads with what reads.
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

declare const READS: unique symbol;

/** A JSON pointer into a `Body` that finds a `Value` there: at run time, the pointer string itself. */
export type Pointer<Body = never, Value = unknown> = string & { readonly [READS]?: (body: Body) => Value };

type Checked<T, P extends string> = [At<T, P>] extends [never]
  ? { error: "this JSON pointer names a field the schema lacks"; pointer: P }
  : P;

/** `at<Body>()("/meta/next_cursor")`: the pointer, typed; `tsc` rejects a pointer the schema lacks. */
export function at<Body>() {
  return <const P extends string>(pointer: Checked<Body, P>): Pointer<Body, At<Body, P>> => pointer as never;
}
