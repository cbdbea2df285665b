import { describe, expect, it, vi } from "vitest";

/** Two copies of core's error classes, as an app that loads both the CJS and the ESM build has. */
async function twoCopies() {
  const first = await import("./index.js");
  vi.resetModules();
  const second = await import("./index.js");
  return { first, second };
}

describe("instanceof across two copies of core", () => {
  it("recognizes an error from the other copy by its class and every class it extends", async () => {
    const { first, second } = await twoCopies();
    expect(first.ApiError).not.toBe(second.ApiError);
    const timeout = new first.TimeoutError({ vendor: "t", message: "late" });
    expect(timeout).toBeInstanceOf(second.TimeoutError);
    expect(timeout).toBeInstanceOf(second.ConnectionError);
    expect(timeout).toBeInstanceOf(second.ApiError);
    expect(timeout).not.toBeInstanceOf(second.RateLimitError);
    expect(new second.ConnectionError({ vendor: "t", message: "down" })).not.toBeInstanceOf(first.TimeoutError);
  });

  it("still says no to what is not an ApiError, and keeps ordinary subclassing working", async () => {
    const { first, second } = await twoCopies();
    for (const value of [new Error("x"), { name: "ApiError" }, null, undefined, "ApiError", 42]) {
      expect(value).not.toBeInstanceOf(second.ApiError);
    }
    class AppError extends first.NotFoundError {}
    const mine = new AppError({ vendor: "t", message: "mine" });
    expect(mine).toBeInstanceOf(AppError);
    expect(mine).toBeInstanceOf(second.NotFoundError);
    expect(new first.NotFoundError({ vendor: "t", message: "x" })).not.toBeInstanceOf(AppError);
  });
});
