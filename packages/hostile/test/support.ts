/** Lifecycles and small checks the hostile test files share. */

import { type FaultServer, startFaultServer } from "@customer-api/testkit";
import { afterEach, beforeEach } from "vitest";

/** A fresh fault server per test, closed after it whatever happened. */
export function useFaultServer(): () => FaultServer {
  let server: FaultServer | undefined;
  beforeEach(async () => {
    server = await startFaultServer();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return () => server!;
}

/** Two origins: the API and somewhere a redirect may point. */
export function useTwoServers(): { api: () => FaultServer; other: () => FaultServer } {
  const api = useFaultServer();
  const other = useFaultServer();
  return { api, other };
}

/** The error a promise rejects with, or a marker that it resolved. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return new Error("expected a rejection, but the call resolved");
}

/** Milliseconds between the server's arrivals `i` and `i + 1`. */
export const gapBefore = (server: FaultServer, i: number) => server.requests[i]!.at - server.requests[i - 1]!.at;
