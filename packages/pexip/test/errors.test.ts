import { ApiError, BadRequestError, ConflictError, InternalServerError } from "@customer-api/core";
import { describe, expect, it } from "vitest";
import { createPexipClient } from "../src/index.js";
import { failure } from "./expect-failure.js";

const answering = (status: number, body: string, type = "application/json") =>
  createPexipClient({
    baseUrl: "https://pexip.test",
    token: "t",
    rateLimit: false,
    maxRetries: 0,
    fetch: (async () => new Response(body, { status, headers: { "content-type": type } })) as typeof fetch,
  });

describe("Pexip's {errors: [...]} body", () => {
  it("takes the first error's message and code, and keeps every error in body", async () => {
    const errors = [
      { message: "firstName must not be empty", code: "VALIDATION_ERROR", type: "BadRequestError", statusCode: "400" },
      { message: "email must be an email", code: "VALIDATION_ERROR", type: "BadRequestError", statusCode: "400" },
    ];
    const error = await failure(answering(400, JSON.stringify({ errors })).customers.update("1", { firstName: "" }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      message: "firstName must not be empty",
      code: "VALIDATION_ERROR",
      body: { errors },
    });
    expect(error.fields).toBeUndefined();
  });

  it.each([
    ["an empty errors array", { errors: [] }],
    ["errors that is not an array", { errors: "conflict" }],
    ["an error without strings", { errors: [{ message: 5, code: null }] }],
    ["null", null],
  ])("falls back to the status for %s", async (_, body) => {
    const error = await failure(answering(409, JSON.stringify(body)).customers.get("1"));
    expect(error).toBeInstanceOf(ConflictError);
    // The status line stands in for the missing vendor message.
    expect(error).toMatchObject({ status: 409, message: expect.stringMatching(/^409\b/), code: undefined });
  });

  it("maps the API-wide 405 (method not supported) to a plain ApiError with the vendor's message", async () => {
    const body = { errors: [{ message: "Method not allowed", code: "METHOD_NOT_ALLOWED", type: "Error", statusCode: "405" }] };
    const error = await failure(answering(405, JSON.stringify(body)).customers.update("1", { notes: null }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.constructor).toBe(ApiError);
    expect(error).toMatchObject({ status: 405, message: "Method not allowed", code: "METHOD_NOT_ALLOWED" });
  });

  it("reads an HTML error page as an InternalServerError", async () => {
    const error = await failure(answering(502, "<html>Bad gateway</html>", "text/html").customers.get("1"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502 });
  });
});
