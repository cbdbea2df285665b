/**
 * What every vendor's contract tests share: a `fetch` that records each response Prism flags
 * (`sl-violations`: the response broke its own spec, or the request broke it) and each 422 the
 * test did not ask for, so a test fails on them rather than passing on a mock's guess.
 */
import type { Customer } from "@customer-api/core";
import { expect } from "vitest";

export interface StrictFetch {
  fetch: typeof fetch;
  /** One line per flagged exchange; a test expects this to stay empty. */
  problems: string[];
  /** Every request sent, for asserting on what went over the wire. */
  requests: Request[];
}

export interface StrictFetchOptions {
  /**
   * Flag only what our request caused. For a mock of a vendor's own document, whose examples can
   * break its own schema (Salla's `links: []`), the response's violations are the vendor's and
   * are collected in `vendorViolations` instead.
   */
  requestViolationsOnly?: boolean;
}

export function createStrictFetch(options: StrictFetchOptions = {}): StrictFetch & { vendorViolations: string[] } {
  const problems: string[] = [];
  const vendorViolations: string[] = [];
  const requests: Request[] = [];
  const strict = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    const response = await fetch(request);
    const where = `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`;
    const violations = response.headers.get("sl-violations");
    if (violations && options.requestViolationsOnly) {
      const all = readViolations(violations);
      const ours = all.filter((v) => v.location?.[0] !== "response");
      if (ours.length > 0) problems.push(`${where} -> ${response.status} request violations: ${JSON.stringify(ours)}`);
      if (ours.length < all.length)
        vendorViolations.push(`${where} -> ${response.status}: ${JSON.stringify(all.filter((v) => !ours.includes(v)))}`);
    } else if (violations) problems.push(`${where} -> ${response.status} sl-violations: ${violations}`);
    const asked = request.headers.get("prefer") ?? "";
    if (response.status === 422 && !asked.includes("code=422")) {
      problems.push(`${where} -> unexpected 422: ${await response.clone().text()}`);
    }
    return response;
  };
  return { fetch: strict as typeof fetch, problems, requests, vendorViolations };
}

/** Prism's `sl-violations` header: a JSON array of `{location, code, message}`; anything else is one unknown violation. */
function readViolations(header: string): { location?: string[]; message?: string }[] {
  try {
    const parsed: unknown = JSON.parse(header);
    if (Array.isArray(parsed)) return parsed as { location?: string[]; message?: string }[];
  } catch {
    // fall through: an unreadable header counts against us
  }
  return [{ message: header }];
}

/**
 * What every normalized record must look like, whatever random schema-valid data the vendor sent:
 * strings or `null` (never `undefined` or "null"), E.164 phones, UTC timestamps in `toISOString()`
 * form, and an ISO 3166-1 alpha-2 country code.
 */
export function expectCustomerShape(customer: Customer, vendor: string, id: RegExp): void {
  expect(customer.vendor).toBe(vendor);
  expect(customer.id).toMatch(id);
  for (const key of ["name", "firstName", "lastName", "email", "phone", "company", "createdAt", "updatedAt"] as const) {
    expect(customer[key] === null || typeof customer[key] === "string").toBe(true);
    expect(customer[key]).not.toBe("null");
  }
  if (customer.phone !== null) expect(customer.phone).toMatch(/^\+\d{6,15}$/);
  for (const stamp of [customer.createdAt, customer.updatedAt]) {
    if (stamp !== null) expect(new Date(stamp).toISOString()).toBe(stamp);
  }
  if (customer.address?.countryCode) expect(customer.address.countryCode).toMatch(/^[A-Z]{2}$/);
  for (const part of Object.values(customer.address ?? {})) {
    expect(part === null || typeof part === "string").toBe(true);
    expect(part).not.toBe("null");
  }
}
