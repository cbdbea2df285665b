/**
 * One pass per request, counted: the globals a call touches are instrumented, and the stack is
 * measured against bare openapi-fetch on the same stubbed `fetch` in the same test.
 */
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testClient } from "../../test/test-client.js";
import { ApiError, InvalidRequestError } from "../errors.js";
import { NotFoundError, TimeoutError, UserAbortError } from "../failure-errors.js";

interface Counts {
  requests: number;
  responses: number;
  controllers: number;
  listeners: number;
  timers: number;
  bodyReads: number;
  parses: number;
}

const original = {
  Request: globalThis.Request,
  Response: globalThis.Response,
  AbortController: globalThis.AbortController,
  setTimeout: globalThis.setTimeout,
  addEventListener: EventTarget.prototype.addEventListener,
  parse: JSON.parse,
  text: Response.prototype.text,
  json: Response.prototype.json,
  arrayBuffer: Response.prototype.arrayBuffer,
};
let counts: Counts;
const reset = () => {
  counts = { requests: 0, responses: 0, controllers: 0, listeners: 0, timers: 0, bodyReads: 0, parses: 0 };
};

beforeEach(() => {
  reset();
  globalThis.Request = class extends original.Request {
    constructor(...args: ConstructorParameters<typeof Request>) {
      super(...args);
      counts.requests++;
    }
  };
  globalThis.Response = class extends original.Response {
    constructor(...args: ConstructorParameters<typeof Response>) {
      super(...args);
      counts.responses++;
    }
  };
  globalThis.AbortController = class extends original.AbortController {
    constructor() {
      super();
      counts.controllers++;
    }
  };
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    counts.timers++;
    return original.setTimeout(...args);
  }) as typeof setTimeout;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) {
    if (this instanceof AbortSignal) counts.listeners++;
    return original.addEventListener.apply(this, args);
  };
  JSON.parse = (...args: Parameters<typeof JSON.parse>) => {
    counts.parses++;
    return original.parse(...args);
  };
  for (const name of ["text", "json", "arrayBuffer"] as const) {
    (original.Response.prototype as unknown as Record<string, unknown>)[name] = function (this: Response) {
      counts.bodyReads++;
      return (original[name] as () => Promise<unknown>).call(this);
    };
  }
});

afterEach(() => {
  globalThis.Request = original.Request;
  globalThis.Response = original.Response;
  globalThis.AbortController = original.AbortController;
  globalThis.setTimeout = original.setTimeout;
  EventTarget.prototype.addEventListener = original.addEventListener;
  JSON.parse = original.parse;
  for (const name of ["text", "json", "arrayBuffer"] as const) {
    (original.Response.prototype as unknown as Record<string, unknown>)[name] = original[name];
  }
});

const BODY = JSON.stringify({ data: { id: 42, name: "Ahmed" } });

/** A vendor that answers from a script; records what each `fetch` call got. */
function stub(answers: Array<{ status: number; body?: string; headers?: Record<string, string> }> = [{ status: 200 }]) {
  const calls: Array<{ input: Request; init: RequestInit | undefined; body: string | undefined }> = [];
  const fetchStub = (async (input: Request, init?: RequestInit) => {
    const answer = answers[Math.min(calls.length, answers.length - 1)]!;
    const sent = init?.body instanceof ArrayBuffer ? new TextDecoder().decode(init.body) : undefined;
    calls.push({ input, init, body: sent });
    return new Response(answer.body ?? BODY, {
      status: answer.status,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  }) as unknown as typeof globalThis.fetch;
  return { fetch: fetchStub, calls };
}

/** What one call costs, counted from just before it to just after it. */
async function measure<T>(run: () => Promise<T>): Promise<{ result: T; counts: Counts }> {
  reset();
  const result = await run();
  return { result, counts: { ...counts } };
}

async function bareGet() {
  const vendor = stub();
  const bare = createClient<any>({ baseUrl: "http://api.test", fetch: vendor.fetch });
  return measure(() => bare.GET("/customers/42", {}));
}

describe("one pass per request", () => {
  it("a 2xx costs what bare openapi-fetch costs, plus the attempt's timeout controller and timer", async () => {
    const bare = await bareGet();
    const vendor = stub();
    const api = testClient("http://api.test", { fetch: vendor.fetch });
    const ours = await measure(() => api.client.GET("/customers/{id}" as never, { params: { path: { id: 42 } } } as never));

    expect(ours.result).toEqual({ data: { data: { id: 42, name: "Ahmed" } }, response: expect.any(original.Response) });
    expect(ours.counts.requests).toBe(bare.counts.requests); // openapi-fetch's own, sent as it is
    expect(ours.counts.requests).toBe(1);
    expect(ours.counts.responses).toBe(bare.counts.responses); // the vendor's, handed back as it is
    expect(ours.counts.controllers).toBe(bare.counts.controllers + 1);
    expect(ours.counts.timers).toBe(1);
    expect(ours.counts.listeners).toBe(0);
    expect(ours.counts.bodyReads).toBe(1);
    expect(ours.counts.parses).toBe(1);
    // The attempt's signal went in the init, and the request went out as openapi-fetch built it.
    expect(vendor.calls[0]!.init?.signal).toBeInstanceOf(AbortSignal);
    expect(vendor.calls[0]!.input.redirect).toBe("manual");
  });

  it.each([0, Number.POSITIVE_INFINITY])("timeoutMs %s: no timer, no controller, no signal", async (timeoutMs) => {
    const bare = await bareGet();
    // Set on the client, or per call.
    for (const [api, perCall] of [
      [testClient("http://api.test", { fetch: stub().fetch, timeoutMs }), {}],
      [testClient("http://api.test", { fetch: stub().fetch }), { timeoutMs }],
    ] as const) {
      const ours = await measure(() => api.client.GET("/x" as never, perCall as never));
      expect(ours.result.response.status).toBe(200);
      expect(ours.counts.timers).toBe(0);
      expect(ours.counts.controllers).toBe(bare.counts.controllers);
      expect(ours.counts.listeners).toBe(0);
    }
  });

  it("a caller's signal costs no more listeners than bare openapi-fetch (one, linking the timeout), and no deadline signal is made", async () => {
    const controller = new original.AbortController();
    const vendor = stub();
    const bare = createClient<any>({ baseUrl: "http://api.test", fetch: vendor.fetch });
    const bareCounts = (await measure(() => bare.GET("/x", { signal: controller.signal }))).counts;
    const api = testClient("http://api.test", { fetch: stub().fetch });
    const ours = await measure(() => api.client.GET("/x" as never, { signal: controller.signal } as never));
    // Bare openapi-fetch's one is its Request following the signal (until that Request is collected);
    // ours is the timeout's subscription, removed when the call ends: the Request carries no signal.
    expect(ours.counts.listeners).toBe(bareCounts.listeners);
    expect(ours.counts.controllers).toBe(bareCounts.controllers + 1);
  });

  it("retries a body-less request without copying it", async () => {
    const vendor = stub([{ status: 503 }, { status: 503 }, { status: 200 }]);
    const api = testClient("http://api.test", { fetch: vendor.fetch, timeoutMs: 0 });
    const retrying = api.client.GET("/x" as never, {} as never);
    const ours = await measure(async () => {
      const result = await retrying;
      return result;
    });
    expect(ours.result.response.status).toBe(200);
    expect(vendor.calls).toHaveLength(3);
    expect(new Set(vendor.calls.map((c) => c.input)).size).toBe(1); // the same Request every attempt
  }, 10_000);

  it("retries a request with a body by sending the body it read once, never a Request copy", async () => {
    const vendor = stub([{ status: 503 }, { status: 201 }]);
    const api = testClient("http://api.test", { fetch: vendor.fetch, timeoutMs: 0 });
    reset();
    const result = await api.client.POST("/x" as never, { body: { a: 1 } } as never);
    expect(result.response.status).toBe(201);
    expect(counts.requests).toBe(1);
    expect(vendor.calls.map((c) => c.body)).toEqual(['{"a":1}', '{"a":1}']);
    expect(vendor.calls[1]!.input).toBe(vendor.calls[0]!.input);
  }, 10_000);

  it("a non-2xx: one body read, one parse, and the error built once by the stack", async () => {
    const vendor = stub([{ status: 404, body: JSON.stringify({ message: "no such customer" }) }]);
    const api = testClient("http://api.test", { fetch: vendor.fetch, timeoutMs: 0 });
    const ours = await measure(() => api.client.GET("/x" as never, { headers: { "x-request-id": "sent-1" } } as never));
    expect(ours.counts.bodyReads).toBe(1);
    expect(ours.counts.parses).toBe(1);
    expect(ours.result.error).toEqual({ message: "no such customer" });
    const first = (() => {
      try {
        api.unwrap(ours.result);
      } catch (e) {
        return e;
      }
    })();
    const second = (() => {
      try {
        api.unwrap(ours.result);
      } catch (e) {
        return e;
      }
    })();
    expect(first).toBeInstanceOf(NotFoundError);
    expect(second).toBe(first); // unwrap throws what the stack built; it builds nothing
    // The request id the client sent, without writing it onto the vendor's response.
    expect(first).toMatchObject({ requestId: "sent-1", attempts: 1, message: "no such customer" });
    expect(ours.result.response.headers.has("x-request-id")).toBe(false);
    const built = first as NotFoundError;
    // @ts-expect-error `attempts` is set once, when the stack builds the error
    built.attempts = 2;
  });

  it("a non-2xx result the stack did not make: a plain ApiError with its status, nothing of its body", () => {
    const api = testClient("http://api.test", { fetch: stub().fetch });
    const foreign = { error: { token: "sk-test-SECRET-123" }, response: new Response("sk-test-SECRET-123", { status: 404 }) };
    const error = (() => {
      try {
        api.unwrap(foreign);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, vendor: "acme", body: undefined });
    expect(JSON.stringify(error)).not.toContain("SECRET");
    expect(api.unwrap({ data: { id: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ id: 1 });
  });
});

describe("the wrapper", () => {
  it("turns a request openapi-fetch cannot build into InvalidRequestError, with nothing sent", async () => {
    const vendor = stub();
    const api = testClient("http://api.test", { fetch: vendor.fetch });
    const error = await api.client.POST("/x" as never, { body: { n: 1n } } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/Could not build the request/);
    expect(vendor.calls).toHaveLength(0);
  });

  it("takes maxRetries, timeoutMs, headers and signal per call", async () => {
    const vendor = stub([{ status: 503 }, { status: 200 }]);
    const api = testClient("http://api.test", { fetch: vendor.fetch });
    const once = await api.client.GET("/x" as never, { maxRetries: 0, headers: { "x-extra": "1" } } as never);
    expect(once.response.status).toBe(503);
    expect(vendor.calls).toHaveLength(1);
    expect(vendor.calls[0]!.input.headers.get("x-extra")).toBe("1");

    const hanging = (async (_input: Request, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        if (init?.signal?.aborted) reject(init.signal.reason);
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason));
      })) as unknown as typeof fetch;
    const slow = testClient("http://api.test", { fetch: hanging, maxRetries: 0 });
    await expect(slow.client.GET("/x" as never, { timeoutMs: 20 } as never)).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const aborted = slow.client.GET("/x" as never, { signal: controller.signal, timeoutMs: 0 } as never);
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(UserAbortError);
    await expect(slow.client.GET("/x" as never, { maxRetries: -1 } as never)).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it("is an object of its own: openapi-fetch's client is not patched, and results keep openapi-fetch's shape", async () => {
    const vendor = stub([{ status: 200, body: "not json", headers: { "content-type": "text/plain" } }]);
    const api = testClient("http://api.test", { fetch: vendor.fetch });
    expect(Object.keys(api.client).sort()).toEqual(
      ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE", "eject", "request", "use"].sort(),
    );
    // parseAs other than JSON still works, read once by the stack and handed to openapi-fetch.
    const text = await api.client.GET("/x" as never, { parseAs: "text" } as never);
    expect(text.data).toBe("not json");
    await expect(api.client.GET("/x" as never, {} as never)).rejects.toBeInstanceOf(ApiError);
  });
});
