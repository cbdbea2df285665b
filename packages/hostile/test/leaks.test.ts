/**
 * No credential leaves through an error or a log, even when the server echoes it back in its
 * body and in request-id headers. Every failure path is scanned in every place a person or a log
 * store reads: message, toString, JSON.stringify, util.inspect, stack, body, requestId, cause,
 * and each logger event. OAuth client secrets and refresh tokens are held to the same rule.
 */
import { ApiError } from "@customer-api/core";
import { createPexipClient } from "@customer-api/pexip";
import { createShtaraClient } from "@customer-api/shtara";
import { leakSites, type Reply, reply, type SeenRequest, secretForms } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { customerIdOf, TOKEN, vendors } from "../src/vendors.js";
import { failureOf, useFaultServer } from "./support.js";

/** What the server knows of the caller's credential: the whole header, as sent. */
const auth = (r: SeenRequest) => String(r.headers.authorization ?? "");
/** Request-id headers that repeat the credential, as a careless gateway does. */
const echoHeaders = (r: SeenRequest) => ({ "x-request-id": auth(r), "x-correlation-id": auth(r), "request-id": auth(r) });

type Echo = [what: string, answer: (kit: (typeof vendors)[number], r: SeenRequest) => Reply];
const ECHOES: Echo[] = [
  [
    "a 401 whose message repeats the header",
    (kit, r) => reply.json(401, kit.error(401, `Invalid credentials: ${auth(r)}`), echoHeaders(r)),
  ],
  ["a 403 text page that repeats it", (_kit, r) => reply.text(403, `Forbidden for ${auth(r)}`, "text/plain", echoHeaders(r))],
  [
    "a 422 with the token in a field error",
    (kit, r) =>
      reply.json(
        422,
        { ...(kit.error(422, "invalid") as object), errors: { token: [auth(r)] }, detail: auth(r) },
        echoHeaders(r),
      ),
  ],
  [
    "a 429 storm that echoes it",
    (kit, r) => reply.json(429, kit.error(429, `rate limited ${auth(r)}`), { ...echoHeaders(r), "retry-after": "0" }),
  ],
  [
    "a 500 with a stack trace holding it",
    (kit, r) =>
      reply.json(
        500,
        { ...(kit.error(500, "boom") as object), trace: `at handler (${auth(r)})` },
        { ...echoHeaders(r), "retry-after": "0" },
      ),
  ],
  [
    "a non-JSON 200 that echoes it",
    (_kit, r) => reply.text(200, `Hello ${auth(r)}, your session is ready`, "text/plain", echoHeaders(r)),
  ],
  [
    "an HTML 200 that echoes it",
    (_kit, r) => reply.text(200, `<html><body>token=${auth(r)}</body></html>`, "text/html", echoHeaders(r)),
  ],
  [
    "a 200 record without an id that holds it",
    (kit, r) => reply.json(200, kit.single({ id: null, name: auth(r), email: auth(r) }), echoHeaders(r)),
  ],
  [
    "a broken 200 JSON that holds it",
    (_kit, r) => reply.text(200, `{"data": {"id": "${auth(r)}`, "application/json", echoHeaders(r)),
  ],
];

describe.each(vendors)("$name never leaks its token", (kit) => {
  const server = useFaultServer();
  const id = customerIdOf(kit, 1);

  it.each(ECHOES)("%s", async (_what, echo) => {
    server().fallback((r) => echo(kit, r));
    const events: unknown[] = [];
    const client = kit.client(server(), { maxRetries: 1, logger: (event: unknown) => void events.push(event) });
    const error = await failureOf(client.customers.get(id));
    expect(error).toBeInstanceOf(ApiError);
    expect(auth(server().requests[0]!)).toContain(TOKEN); // the server did see it, and echoed it
    expect.soft(leakSites(error, [TOKEN]).join(" "), "error").toBe("");
    expect(events.length).toBeGreaterThan(0);
    expect.soft(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it("a dropped connection, a timeout and an abort name no credential", async () => {
    server().script(/./, reply.reset(), reply.stall());
    const events: unknown[] = [];
    const client = kit.client(server(), { maxRetries: 0, timeoutMs: 100, logger: (event: unknown) => void events.push(event) });
    const errors = [await failureOf(client.customers.get(id)), await failureOf(client.customers.get(id))];
    const controller = new AbortController();
    const aborted = client.customers.get(id, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    errors.push(await failureOf(aborted));
    for (const error of errors) {
      expect(error).toBeInstanceOf(ApiError);
      expect(leakSites(error, [TOKEN]).join(" ")).toBe("");
    }
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });
});

describe("OAuth secrets stay secret", () => {
  const server = useFaultServer();
  const CLIENT_ID = "pexip-client";
  const CLIENT_SECRET = "cs-9d8c7b6a5f4e3d2c-CLIENTSECRET";
  const REFRESH = "rt-0a1b2c3d4e5f6071-REFRESHTOKEN";
  const ISSUED = "at-1122334455667788-ISSUEDTOKEN";

  /** A Shtara client whose access token has expired, so its first call spends the refresh token. */
  const refreshingShtara = () =>
    createShtaraClient({
      baseUrl: server().url,
      rateLimit: false,
      maxRetries: 0,
      refreshToken: {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        tokenUrl: `${server().url}/token`,
        tokens: { accessToken: "expired-access-token-000", refreshToken: REFRESH, expiresAt: 0 },
      },
    });

  /** A Pexip client on OAuth2 client credentials from the fault server's `/token`. */
  const pexipWithCredentials = (credentials: { authMethod?: "body" }, options: Record<string, unknown> = {}) =>
    createPexipClient({
      baseUrl: server().url,
      rateLimit: false,
      maxRetries: 0,
      ...options,
      clientCredentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenUrl: `${server().url}/token`, ...credentials },
    });

  /** A token endpoint that refuses, echoing the form and the Basic header it got. */
  const refusingTokenEndpoint = (r: SeenRequest) =>
    reply.json(400, { error: "invalid_client", error_description: `bad request: ${r.body} with ${auth(r)}` }, echoHeaders(r));

  it("pexip client credentials: a refusing token endpoint that echoes the form leaks neither secret", async () => {
    server().script("/token", refusingTokenEndpoint);
    const error = await failureOf(pexipWithCredentials({ authMethod: "body" }).customers.get("1"));
    expect(error).toBeInstanceOf(ApiError);
    expect(server().requests[0]!.body).toContain(CLIENT_SECRET);
    expect(leakSites(error, secretForms(CLIENT_SECRET, CLIENT_ID)).join(" ")).toBe("");
  });

  it("pexip client credentials (Basic): the echoed Basic header leaks no secret", async () => {
    server().script("/token", refusingTokenEndpoint);
    const error = await failureOf(pexipWithCredentials({}).customers.get("1"));
    expect(error).toBeInstanceOf(ApiError);
    expect(leakSites(error, secretForms(CLIENT_SECRET, CLIENT_ID)).join(" ")).toBe("");
  });

  it("pexip: an issued access token echoed by the API does not leak", async () => {
    server()
      .script("/token", reply.json(200, { access_token: ISSUED, expires_in: 3600, token_type: "Bearer" }))
      .fallback((r) => reply.text(200, `welcome ${auth(r)}`, "text/plain", echoHeaders(r)));
    const events: unknown[] = [];
    const client = pexipWithCredentials({}, { logger: (event: unknown) => void events.push(event) });
    const error = await failureOf(client.customers.get("1"));
    expect(error).toBeInstanceOf(ApiError);
    expect(leakSites(error, [ISSUED, ...secretForms(CLIENT_SECRET, CLIENT_ID)]).join(" ")).toBe("");
    expect(JSON.stringify(events)).not.toContain(ISSUED);
  });

  it("shtara refresh token: a refusing token endpoint that echoes the form leaks neither refresh token nor secret", async () => {
    server().script("/token", refusingTokenEndpoint);
    const error = await failureOf(refreshingShtara().customers.get(1));
    expect(error).toBeInstanceOf(ApiError);
    expect(server().requests[0]!.body).toContain(REFRESH);
    expect(leakSites(error, [REFRESH, ...secretForms(CLIENT_SECRET, CLIENT_ID)]).join(" ")).toBe("");
  });

  it("shtara: a token endpoint that answers 200 without a token, echoing the form, leaks nothing", async () => {
    server().script("/token", (r) => reply.json(200, { note: `got ${r.body}` }));
    const error = await failureOf(refreshingShtara().customers.get(1));
    expect(error).toBeInstanceOf(ApiError);
    expect(leakSites(error, [REFRESH, CLIENT_SECRET]).join(" ")).toBe("");
  });
});
