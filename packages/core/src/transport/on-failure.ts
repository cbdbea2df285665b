/**
 * What the stack needs only once something went wrong: building a non-2xx's error, reading the
 * vendor's requested wait, scrubbing credentials. Loaded with the first failure, so an app that
 * only ever sees 2xx never ships it at start-up.
 */
import { errorFromResponse } from "../error-from-response.js";
import { type ApiError, InvalidResponseError } from "../errors.js";
import type { RequestContext } from "./layer.js";
import { scrubSecrets } from "./redact.js";
import type { Reply } from "./reply.js";
import { findRequestId } from "./request-id.js";
import { requestedWaitMs } from "./retry-after.js";

export { errorFromResponse };

const SNIPPET = 200;

/** The exchange's id: the one the vendor echoed, else the one the request sent. */
function requestId(reply: Reply, context: RequestContext): string | undefined {
  const names = context.profile.requestIdHeaders;
  return findRequestId(reply.response.headers, names) ?? findRequestId(context.request.headers, names);
}

/** The `ApiError` a final non-2xx reply stands for, with the attempts, the request id and the secrets scrubbed. */
export function responseError(reply: Reply, context: RequestContext): ApiError {
  const { profile, secrets, attempt } = context;
  return errorFromResponse(profile, reply.response, reply.body, { attempts: attempt, requestId: requestId(reply, context), secrets });
}

/**
 * A 2xx must be JSON we can read: an HTML login page or a truncated body becomes a typed
 * `InvalidResponseError`, not a bare `SyntaxError` inside the caller's code.
 */
export function unreadableError(reply: Reply, context: RequestContext, reason: string): InvalidResponseError {
  const { response } = reply;
  const text = reply.text ?? "";
  return new InvalidResponseError({
    vendor: context.profile.vendor,
    status: response.status,
    message: `Unreadable ${response.status} response: ${reason}`,
    requestId: requestId(reply, context),
    body: scrubSecrets(text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text, context.secrets),
    response,
    attempts: context.attempt,
  });
}

/** The vendor's wait for this reply; the body (read once already) is looked at only for vendors that put one there. */
export function serverRequestedWait(reply: Reply, context: RequestContext): number | undefined {
  const { retryAfterFromBody } = context.profile;
  return requestedWaitMs(reply.response.headers, retryAfterFromBody ? reply.body : undefined, retryAfterFromBody);
}
