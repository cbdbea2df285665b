/** Why a path parameter's value cannot go in its segment, in words, for the `InvalidRequestError`. */
export function pathProblem(value: unknown): string {
  if (value === undefined || value === null) return "is missing";
  if (typeof value === "number") return "is not a finite number";
  if (typeof value !== "string") return `must be a string or number, got ${typeof value}`;
  if (value === "") return "is empty";
  return "cannot be a dot segment";
}
