/**
 * Which error classes an error belongs to, by name, shared by every copy of core in a process: an
 * app that both `require`s and `import`s core loads its CJS and its ESM build, two sets of classes,
 * and `instanceof` must still recognize an error from either. `Symbol.for` gives both copies the
 * same key.
 */
export const KIND: unique symbol = Symbol.for("@customer-api/core.error-kind");
