import { InvalidResponseError } from "../errors.js";
import type { RequestContext } from "./layer.js";
import { findRequestId } from "./logger.js";

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;
const SNIPPET = 200;

/**
 * A 2xx must be JSON we can read: an HTML login page or a truncated body becomes a typed
 * `InvalidResponseError` here, not a bare `SyntaxError` inside the caller's code.
 */
export async function ensureJsonBody(response: Response, context: RequestContext): Promise<Response> {
  if (!response.ok || response.status === 204 || response.body === null) return response;
  const text = await response.clone().text();
  if (text === "") return response;
  const type = response.headers.get("content-type");
  const fail = (reason: string) =>
    new InvalidResponseError({
      vendor: context.profile.vendor,
      status: response.status,
      message: `Unreadable ${response.status} response: ${reason}`,
      requestId: findRequestId(response.headers, context.profile.requestIdHeaders),
      body: text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text,
      response,
    });
  if (type !== null && !JSON_TYPE.test(type)) throw fail(`expected JSON, got ${type.split(";")[0]}`);
  try {
    JSON.parse(text);
  } catch {
    throw fail("the body is not valid JSON");
  }
  return response;
}
