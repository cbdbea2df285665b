import type { BodyMode } from "./layer.js";

/**
 * A response with its body read exactly once, inside the attempt (so the attempt's timeout covers
 * a server that stalls mid-body and a dropped connection fails where it can be retried), and
 * parsed at most once: a 2xx by the stack's JSON check, anything else by the failure code.
 */
export class Reply {
  /** The body parsed by the failure code, once it needed it (see `replyBody`). */
  parsed?: { value: unknown };

  constructor(
    readonly response: Response,
    /** The body as text; `undefined` when the response has none. */
    readonly text: string | undefined,
    /** The body as bytes, when the caller asked for something other than JSON. */
    readonly bytes?: ArrayBuffer,
  ) {}
}

/** Statuses that never carry a body (and `Response` refuses one for them). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Read the body once, as text for JSON or as bytes for any other `parseAs`. */
export async function readReply(response: Response, method: string, mode: BodyMode): Promise<Reply> {
  if (response.body === null || method === "HEAD" || NULL_BODY_STATUSES.has(response.status)) {
    return new Reply(response, undefined);
  }
  if (mode === "json") return new Reply(response, await response.text());
  return new Reply(response, undefined, await response.arrayBuffer());
}
