import { describe, expect, it } from "vitest";
import { errorReader, retryAfterReader } from "./error-reader.js";
import { pagingFromFacts } from "./paging.js";
import { at } from "./pointer.js";
import { readPointer } from "./read-pointer.js";

describe("JSON pointers", () => {
  it("read nested fields, array indexes and RFC 6901 escapes; '' is the body", () => {
    const body = { meta: { "a/b": 1, "m~n": 2, list: [{ id: 7 }] } };
    expect(readPointer(body, "/meta/a~1b")).toBe(1);
    expect(readPointer(body, "/meta/m~0n")).toBe(2);
    expect(readPointer(body, "/meta/list/0/id")).toBe(7);
    expect(readPointer(body, "")).toBe(body);
  });

  it("never reach a prototype, and give undefined for anything missing or of the wrong shape", () => {
    for (const pointer of ["/__proto__", "/constructor", "/toString", "/meta/list/01", "/meta/list/-1", "/x/y"]) {
      expect(readPointer({ meta: { list: [1, 2] } }, pointer)).toBeUndefined();
    }
    expect(readPointer("text", "/a/b")).toBeUndefined();
    expect(readPointer(null, "/a")).toBeUndefined();
    expect(() => readPointer({ a: 1 }, "a")).toThrow(TypeError);
  });

  it("types the pointer against the body", () => {
    type Body = { meta: { next: string | null } } | readonly { id: number }[];
    const next = at<Body>()("/meta/next");
    expect(next).toBe("/meta/next");
    const body: Body = { meta: { next: "c2" } };
    const value: string | null | undefined = readPointer(body, next);
    expect(value).toBe("c2");
    // @ts-expect-error the field is a string or null, not a number
    const wrong: number | undefined = readPointer(body, next);
    expect(wrong).toBe("c2");
    // @ts-expect-error the schema has no `meta.nxt`
    at<Body>()("/meta/nxt");
  });
});

describe("errorReader", () => {
  const read = errorReader({
    message: ["/error/message", "/detail"],
    code: ["/error/code"],
    fields: [""],
    requestId: ["/trace/id"],
  });

  it("takes the first pointer that finds a value, and leaves the message's own key out of the fields", () => {
    expect(read({ detail: "Not found.", trace: { id: "r-1" } })).toEqual({ message: "Not found.", requestId: "r-1" });
    expect(read({ error: { code: 42, message: "Bad" } })).toMatchObject({ message: "Bad", code: 42 });
  });

  it("falls back to plain text, an array's first string, or the first field error", () => {
    expect(read("Bad Gateway").message).toBe("Bad Gateway");
    expect(read("<html>x</html>").message).toBeUndefined();
    expect(read(["first", "second"]).message).toBe("first");
    expect(read({ email: ["Enter a valid email."] })).toMatchObject({
      message: "email: Enter a valid email.",
      fields: { email: ["Enter a valid email."] },
    });
  });

  it("reads a 429 body's wait in seconds or milliseconds", () => {
    expect(retryAfterReader({ at: "/retry_after", unit: "seconds" })!({ retry_after: 3 })).toBe(3000);
    expect(retryAfterReader({ at: "/wait", unit: "milliseconds" })!({ wait: 250 })).toBe(250);
    expect(retryAfterReader({ at: "/wait", unit: "seconds" })!({ wait: "soon" })).toBeUndefined();
  });
});

describe("paging from the spec's facts", () => {
  it("offset paging: the spec's parameter names, the default page size, and a page longer than asked is the whole list", () => {
    const { style, query } = pagingFromFacts(
      {
        style: "offset",
        offsetParam: "skip",
        limitParam: "take",
        defaultPageSize: 2,
        items: ["/results", ""],
      },
      undefined,
    );
    const first = style.first();
    expect(query(first)).toEqual({ take: 2, skip: 0 });
    expect(style.next([1, 2, 3], first, 3)).toBeNull();
    expect(style.next({ results: [1, 2] }, first, 2)).toEqual({ offset: 2, limit: 2 });
  });

  it("page paging: pages from total and the body's page size when the body gives no page count", () => {
    const facts = {
      style: "page" as const,
      pageParam: "p",
      items: ["/items"],
      total: "/total",
      pageSize: "/size",
    };
    const { style } = pagingFromFacts(facts, undefined);
    expect(style.next({ items: [1], total: 3, size: 1 }, { page: 2 }, 1)).toEqual({ page: 3 });
    expect(style.next({ items: [1], total: 3, size: 1 }, { page: 3 }, 1)).toBeNull();
  });
});
