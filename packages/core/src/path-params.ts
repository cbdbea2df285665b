import { defaultPathSerializer } from "openapi-fetch";

/**
 * What the path serializer throws for a value it refuses. The client catches whatever building a
 * request throws and makes it an `InvalidRequestError`; the words for why load with that error.
 */
export interface RefusedPathParameter {
  pathParameter: string;
  value: unknown;
}

/** A finite number, or a non-empty string that is not a dot segment. */
const isSegmentValue = (value: unknown) =>
  typeof value === "number"
    ? Number.isFinite(value)
    : typeof value === "string" && value !== "" && !/^(\.|%2e){1,2}$/i.test(value);

/**
 * openapi-fetch percent-encodes path parameters, which keeps `/` and `?` inside their segment;
 * but `.` and `..` (and their `%2e` forms, which URL parsers treat the same) would still walk the
 * path. Refuse those, and what is not a string or number, before any request. (A lone surrogate
 * makes `encodeURIComponent` throw, which the client turns into the same error.)
 */
export function createPathSerializer() {
  return (pathname: string, pathParams: Record<string, unknown>): string => {
    for (const [name, value] of Object.entries(pathParams ?? {})) {
      if (!isSegmentValue(value)) throw { pathParameter: name, value } satisfies RefusedPathParameter;
    }
    return defaultPathSerializer(pathname, pathParams);
  };
}
