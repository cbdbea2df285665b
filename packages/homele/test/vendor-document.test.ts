/**
 * The client against a Prism mock of Homele's OWN OpenAPI: the document embedded in
 * docs.homele.com/crm/customers/show.md, read from `../shared/vendor-specs/homele` (never copied
 * into the repo). The list page's stored copy is cut inside its parameters, so it cannot be mocked.
 */
import { AuthenticationError, NotFoundError, PermissionDeniedError, RateLimitError } from "@customer-api/core";
import {
  createStrictFetch,
  homeleShowDocument,
  type MockServer,
  parseEmbeddedOpenApi,
  readVendorFile,
  startMock,
  vendorDocsForTests,
} from "@customer-api/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHomeleClient, type HomeleClientOptions } from "../src/index.js";

const dir = vendorDocsForTests("homele: contract against Homele's own OpenAPI");

describe.skipIf(dir === undefined)("against Homele's own published OpenAPI", () => {
  let mock: MockServer;
  let strict = createStrictFetch({ requestViolationsOnly: true });
  beforeAll(async () => {
    const document = homeleShowDocument(dir!);
    if (!document) throw new Error("homele: show.md has no complete OpenAPI document");
    mock = await startMock(document);
  });
  afterAll(() => mock?.close());
  afterEach(() => {
    const { problems } = strict;
    strict = createStrictFetch({ requestViolationsOnly: true });
    expect(problems).toEqual([]);
  });

  const client = (extra: Partial<HomeleClientOptions> = {}) =>
    createHomeleClient({ token: "1|abc123", baseUrl: mock.url, fetch: strict.fetch, rateLimit: false, ...extra });

  it("showCustomer: customers.get normalizes every field the document's example carries", async () => {
    const customer = await client().customers.get(42);
    expect(customer).toEqual({
      vendor: "homele",
      id: "42",
      name: "Ahmed Ali",
      firstName: "Ahmed",
      lastName: "Ali",
      email: "ahmed@example.com",
      phone: "+9647501234567",
      company: null,
      // Every related object in the document's example is RelatedObject's placeholder {id: 1, name: "New"}.
      address: {
        formatted: "Erbil, 60m Street",
        street: null,
        city: "New",
        state: null,
        postalCode: null,
        country: "New",
        countryCode: null,
      },
      createdAt: "2025-11-20T14:30:00.000Z",
      updatedAt: "2026-02-15T09:45:00.000Z",
      raw: expect.objectContaining({ id: 42, sequential_number: 1025, lead_status_history: expect.any(Array) }),
    });
  });

  it.each([
    [401, AuthenticationError, "Unauthenticated."],
    [403, PermissionDeniedError, "Insufficient permissions."],
    [404, NotFoundError, "Not found."],
    [429, RateLimitError, "Too Many Attempts."],
  ])("showCustomer: a documented %i is %o with the vendor's message", async (status, ErrorClass, message) => {
    const error = await client({ maxRetries: 0, headers: { Prefer: `code=${status}` } })
      .customers.get(42)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, message });
  });

  it("listCustomers: the stored page is cut, so there is no document to mock (spec:diff compares its parameters)", () => {
    const list = parseEmbeddedOpenApi(readVendorFile(dir!, "homele", "list.excerpt.md"));
    expect(list?.complete).toBe(false);
    expect(list?.doc.paths["/customers"].get.responses).toBeUndefined();
  });
});
