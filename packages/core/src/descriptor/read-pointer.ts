import type { Pointer } from "./pointer.js";

/**
 * The value `pointer` finds in `body`; `undefined` when the body does not have it. Own properties
 * and array indexes only: a pointer never reaches `__proto__` or a prototype's method.
 */
export function readPointer<Body, Value>(body: Body, pointer: Pointer<Body, Value>): Value | undefined {
  if (pointer === "") return body as unknown as Value;
  if (!pointer.startsWith("/")) throw new TypeError(`A JSON pointer starts with "/": ${JSON.stringify(pointer)}`);
  let value: unknown = body;
  for (const escaped of pointer.slice(1).split("/")) {
    const segment = escaped.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(value)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      value = value[Number(segment)];
    } else if (typeof value === "object" && value !== null && Object.hasOwn(value, segment)) {
      value = (value as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return value as Value;
}
