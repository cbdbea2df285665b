/**
 * One contract suite for every vendor, built from its generated descriptor and its spec, against an
 * in-process Prism mock of that spec: every operation the descriptor names goes through the typed
 * client; every documented error status is driven with `Prefer: code=N` and must come back as its
 * `ApiError` class with the vendor's own message; typed raw access runs on the same stack; seeded
 * dynamic mode feeds the normalizer random schema-valid records. A vendor's contract file adds only
 * its fixtures and its own cases.
 */
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type Customer,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "@customer-api/core";
import type { OperationFacts, VendorDescriptor } from "@customer-api/core/vendor-kit";
import { readPointer } from "@customer-api/core/vendor-kit/normalize";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "./prism-mock.js";
import { readSpec, vendorSpecPath } from "./spec-facts.js";
import { createStrictFetch, expectCustomerShape, type StrictFetch } from "./strict-fetch.js";

type AnyFn = (...args: never[]) => unknown;
/** The client as the suite drives it: any vendor's, through its public surface. */
interface Client {
  customers: Record<string, AnyFn>;
  [method: string]: unknown;
}

export interface ContractOptions<Options, C> {
  descriptor: VendorDescriptor;
  createClient(options: Options): C;
  /** Options the vendor's factory needs beyond token, baseUrl, fetch and rateLimit. */
  options?: Partial<Options>;
  /** Default `test-token`. */
  token?: string;
  /** Ids and request bodies where the spec's examples do not give one (or give one Prism refuses). */
  fixtures?: { id?: string | number; bodies?: Partial<Record<"create" | "update" | "upsert", unknown>> };
  /** Statuses of the spec that Prism cannot serve for this vendor, with why. */
  skipStatuses?: Record<number, string>;
  /** Dynamic-mode seeds; default three. */
  seeds?: string[];
}

export interface ContractKit<Options, C> {
  /** The mock's root URL. */
  url(): string;
  /** The current test's recorder (swapped, then checked, after every test). */
  strict(): StrictFetch;
  /** A client on the mock and the recorder, with `extra` options on top. */
  client(extra?: Partial<Options>): C;
  /** A client whose every call asks Prism for `status` and is not retried. */
  preferring(status: number | string): C;
}

const CLASS_FOR_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};
const classFor = (status: number) => CLASS_FOR_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);

export function contractSuite<Options, C>(suite: ContractOptions<Options, C>): ContractKit<Options, C> {
  const { descriptor } = suite;
  const spec = readSpec(vendorSpecPath());
  const token = suite.token ?? "test-token";
  let mock: MockServer;
  let strict = createStrictFetch();

  beforeAll(async () => {
    mock = await startMock(spec.path);
  });
  afterAll(() => mock?.close());
  afterEach(() => {
    // Swap in a fresh recorder before asserting, so one test's problems never fail the next.
    const { problems } = strict;
    strict = createStrictFetch();
    expect(problems).toEqual([]);
  });

  const build = (baseUrl: string, extra: Partial<Options> = {}) =>
    suite.createClient({
      token,
      baseUrl,
      fetch: strict.fetch,
      rateLimit: false,
      ...suite.options,
      ...extra,
    } as Options) as Client;
  const preferring = (prefer: number | string) =>
    build(mock.url, {
      maxRetries: 0,
      headers: { Prefer: typeof prefer === "number" ? `code=${prefer}` : prefer },
    } as unknown as Partial<Options>);
  const kit: ContractKit<Options, C> = {
    url: () => mock.url,
    strict: () => strict,
    client: (extra) => build(mock.url, extra) as C,
    preferring: (prefer) => preferring(prefer) as C,
  };

  /** The arguments each method is called with: an id the schema accepts, a body from the spec's examples. */
  const argsFor = (method: string, facts: OperationFacts): unknown[] => {
    const facts$ = spec.operation(facts);
    const id = suite.fixtures?.id ?? (facts.idParam ? facts$.idExample(facts.idParam) : undefined);
    const body = suite.fixtures?.bodies?.[method as "create"] ?? facts$.requestExample;
    if ((method === "create" || method === "update" || method === "upsert") && body === undefined) {
      throw new Error(`${descriptor.vendor}: customers.${method} needs a request body: add an example to the spec or a fixture`);
    }
    if (method === "get" || method === "delete") return [id];
    if (method === "update") return [id, body];
    if (method === "list") return [{}];
    return [body];
  };
  const call = async (client: Client, method: string, facts: OperationFacts) => {
    const result = client.customers[method]!(...(argsFor(method, facts) as never[]));
    if (method !== "list") return result;
    const first = await (result as { pages(): AsyncIterable<{ items: Customer[] }> }).pages()[Symbol.asyncIterator]().next();
    return first.done ? [] : first.value.items;
  };

  const operations = Object.entries(descriptor.customers) as [string, OperationFacts][];

  describe(`${descriptor.vendor}: every operation through the typed client`, () => {
    for (const [method, facts] of operations) {
      it(`customers.${method} (${facts.method.toUpperCase()} ${facts.path}) answers as the spec says`, async () => {
        const result = await call(build(mock.url), method, facts);
        const customers = method === "delete" ? [] : method === "list" ? (result as Customer[]) : [result as Customer];
        if (method === "delete") expect(result).toBeUndefined();
        if (method === "list") expect(customers.length).toBeGreaterThan(0);
        for (const customer of customers) expectCustomerShape(customer, descriptor.vendor, /^.+$/);
        const sent = strict.requests.at(-1)!;
        expect(sent.method).toBe(facts.method.toUpperCase());
        expect(sent.headers.get("authorization")).toBe(`${descriptor.authScheme} ${token}`);
      });

      const errors = spec.operation(facts).errors.filter(({ status }) => !suite.skipStatuses?.[status]);
      it.each(errors)(
        `customers.${method}: a documented $status is its ApiError class with the vendor's message`,
        async ({ status, body }) => {
          const client = preferring(status);
          const error = await Promise.resolve(call(client, method, facts)).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(classFor(status));
          expect(error).toMatchObject({ status, vendor: descriptor.vendor });
          // The message is the vendor's: what the spec's example body says where the descriptor points.
          const message = descriptor.errors.message
            .map((pointer) => readPointer(body as never, pointer))
            .find((m) => typeof m === "string" && m !== "");
          if (message !== undefined) expect((error as ApiError).message).toBe(message);
          expect(JSON.stringify(body ?? "")).toContain(JSON.stringify((error as ApiError).message).slice(1, -1));
        },
      );
    }
  });

  describe(`${descriptor.vendor}: typed raw access on the same stack`, () => {
    const get = descriptor.customers.get ?? descriptor.customers.list;
    if (!get) return;
    const path = () => (get.idParam ? { [get.idParam]: argsFor("get", get)[0] } : undefined);
    const raw = (client: Client) =>
      (client[get.method.toUpperCase()] as AnyFn)(get.path as never, { params: { path: path() } } as never) as Promise<{
        data?: unknown;
        error?: unknown;
        response: Response;
      }>;

    it(`${get.method.toUpperCase()} ${get.path} returns the vendor's body, sent with the client's auth`, async () => {
      const { data, error, response } = await raw(build(mock.url));
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toBeTypeOf("object");
      expect(strict.requests.at(-1)!.headers.get("authorization")).toBe(`${descriptor.authScheme} ${token}`);
    });

    const [firstError] = spec.operation(get).errors;
    if (firstError) {
      it(`returns a ${firstError.status} as the vendor's error body, without throwing`, async () => {
        const client = preferring(firstError.status);
        const { data, error, response } = await raw(client);
        expect(data).toBeUndefined();
        expect(response.status).toBe(firstError.status);
        expect(error).toEqual(firstError.body);
      });
    }
  });

  describe(`${descriptor.vendor}: random schema-valid records (Prism dynamic mode, fixed seeds)`, () => {
    it.each(suite.seeds ?? ["1", "2", "3"])("seed %s: every record read normalizes to the Customer shape", async (seed) => {
      const dynamic = await startMock(spec.path, { dynamic: true, seed });
      try {
        const client = build(dynamic.url);
        for (const [method, facts] of operations) {
          if (method === "delete") continue;
          const result = await call(client, method, facts);
          for (const customer of method === "list" ? (result as Customer[]) : [result as Customer]) {
            expectCustomerShape(customer, descriptor.vendor, /^.+$/);
          }
        }
      } finally {
        await dynamic.close();
      }
    });
  });

  return kit;
}
