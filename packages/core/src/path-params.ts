import { defaultPathSerializer } from "openapi-fetch";
import { InvalidRequestError } from "./errors.js";

/**
 * openapi-fetch percent-encodes path parameters, which keeps `/` and `?` inside their segment;
 * but `.` and `..` (and their `%2e` forms, which URL parsers treat the same) would still walk the
 * path, and a lone surrogate makes `encodeURIComponent` throw. Refuse those before any request.
 */
export function createPathSerializer(vendor: string) {
  return (pathname: string, pathParams: Record<string, unknown>): string => {
    for (const [name, value] of Object.entries(pathParams ?? {})) {
      const problem = checkPathValue(value);
      if (problem) {
        throw new InvalidRequestError({ vendor, message: `Path parameter "${name}" ${problem}` });
      }
    }
    return defaultPathSerializer(pathname, pathParams);
  };
}

function checkPathValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return "is missing";
  if (typeof value === "number") return Number.isFinite(value) ? undefined : "is not a finite number";
  if (typeof value !== "string") return `must be a string or number, got ${typeof value}`;
  if (value === "") return "is empty";
  if (/^(\.|%2e){1,2}$/i.test(value)) return "cannot be a dot segment";
  try {
    encodeURIComponent(value);
  } catch {
    return "is not well-formed Unicode";
  }
  return undefined;
}
