import type { ApiError } from "@customer-api/core";
import { expect } from "vitest";

/** The error a call fails with; the test fails if the call succeeds. */
export const failure = (promise: Promise<unknown>): Promise<ApiError> =>
  promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error as ApiError,
  );
