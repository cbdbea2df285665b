import { describe, expect, it } from "vitest";
import { errorReader, retryAfterReader } from "./error-reader.js";
import { pagingFromFacts } from "./paging.js";
import { accessor, at } from "./pointer.js";

describe("JSON pointer accessors", () => {
  it("read nested fields, array indexes and RFC 6901 escapes; '' is the body", () => {
    const body = { meta: { "a/b": 1, "m~n": 2, list: [{ id: 7 }] } };
    expect(accessor("/meta/a~1b")(body)).toBe(1);
    expect(accessor("/meta/m~0n")(body)).toBe(2);
    expect(accessor("/meta/list/0/id")(body)).toBe(7);
    expect(accessor("")(body)).toBe(body);
  });

  it("never reach a prototype, and give undefined for anything missing or of the wrong shape", () => {
    for (const pointer of ["/__proto__", "/constructor", "/toString", "/meta/list/01", "/meta/list/-1", "/x/y"]) {
      expect(accessor(pointer)({ meta: { list: [1, 2] } })).toBeUndefined();
    }
    expect(accessor("/a/b")("text")).toBeUndefined();
    expect(accessor("/a")(null)).toBeUndefined();
    expect(() => accessor("a")).toThrow(TypeError);
  });

  it("types the pointer against the body", () => {
    type Body = { meta: { next: string | null } } | readonly { id: number }[];
    const next = at<Body>()("/meta/next");
    expect(next({ meta: { next: "c2" } })).toBe("c2");
    expect(next.pointer).toBe("/meta/next");
    // @ts-expect-error the schema has no `meta.nxt`
    at<Body>()("/meta/nxt");
  });
});

describe("errorReader", () => {
  const read = errorReader({
    message: [accessor("/error/message"), accessor("/detail")],
    code: [accessor("/error/code")],
    fields: [accessor("")],
    requestId: [accessor("/trace/id")],
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
    expect(retryAfterReader({ at: accessor("/retry_after"), unit: "seconds" })!({ retry_after: 3 })).toBe(3000);
    expect(retryAfterReader({ at: accessor("/wait"), unit: "milliseconds" })!({ wait: 250 })).toBe(250);
    expect(retryAfterReader({ at: accessor("/wait"), unit: "seconds" })!({ wait: "soon" })).toBeUndefined();
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
        items: [accessor("/results"), accessor("")],
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
      items: [accessor("/items")],
      total: accessor("/total"),
      pageSize: accessor("/size"),
    };
    const { style } = pagingFromFacts(facts, undefined);
    expect(style.next({ items: [1], total: 3, size: 1 }, { page: 2 }, 1)).toEqual({ page: 3 });
    expect(style.next({ items: [1], total: 3, size: 1 }, { page: 3 }, 1)).toBeNull();
  });
});
