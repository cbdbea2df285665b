import type { BodyMode } from "./layer.js";

const NO_BODY = -1;

/**
 * A response with its body read exactly once, inside the attempt (so the attempt's timeout covers
 * a server that stalls mid-body and a dropped connection fails where it can be retried), and
 * parsed at most once, however many layers look at it.
 */
export class Reply {
  private parsed: unknown = NO_BODY;

  constructor(
    readonly response: Response,
    /** The body as text; `undefined` when the response has none. */
    readonly text: string | undefined,
    /** The body as bytes, when the caller asked for something other than JSON. */
    readonly bytes?: ArrayBuffer,
  ) {}

  /** The body as JSON when it parses, else its text (`undefined` when empty): what an error or a wait is read from. */
  get body(): unknown {
    if (this.parsed === NO_BODY) {
      const text = this.text ?? (this.bytes === undefined ? undefined : new TextDecoder().decode(this.bytes));
      this.parsed = text === undefined || text === "" ? undefined : parseOrText(text);
    }
    return this.parsed;
  }

  /** Hand over a JSON value already parsed (the 2xx check), so nothing parses it again. */
  remember(value: unknown): void {
    this.parsed = value;
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
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
