/**
 * What every hostile test file must leave behind: nothing. Before the file, take a census of the
 * process's active handles; after it, every timer and socket the file opened must be gone, no
 * promise may have rejected unhandled, and Node must not have warned about piling listeners.
 */
import { afterAll, beforeAll, expect } from "vitest";

const unhandled: unknown[] = [];
const warnings: string[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
// The stack says which code added the listener that tipped it over.
const onWarning = (warning: Error) => void warnings.push(warning.stack ?? `${warning.name}: ${warning.message}`);

/** Count per kind of handle (`Timeout`, `TCPSocketWrap`, `TCPServerWrap`, ...). */
const census = () => {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
};
const KINDS = ["Timeout", "Immediate", "TCPSocketWrap", "TCPServerWrap", "TCPWRAP", "HTTPINCOMINGMESSAGE", "HTTPCLIENTREQUEST"];
const extra = (before: Map<string, number>) =>
  KINDS.flatMap((kind) => {
    const grown = (census().get(kind) ?? 0) - (before.get(kind) ?? 0);
    return grown > 0 ? [`${grown} more ${kind}`] : [];
  });

let baseline: Map<string, number>;
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
  process.on("warning", onWarning);
  baseline = census();
});

afterAll(async () => {
  // Sockets close on the next turns of the event loop: give them a moment, never a long one.
  let left = extra(baseline);
  for (let i = 0; i < 40 && left.length > 0; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 25));
    left = extra(baseline);
  }
  process.off("unhandledRejection", onUnhandled);
  process.off("warning", onWarning);
  expect(left, "handles left behind after the file's tests").toEqual([]);
  expect(unhandled.map(String), "promises rejected with no handler").toEqual([]);
  expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning")), "listener warnings").toEqual([]);
});
