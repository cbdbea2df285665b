/**
 * What every hostile test file must leave behind: nothing. Every timer and socket created while
 * the file runs (outside vitest's own machinery) must be gone after it, no promise may have
 * rejected unhandled, and Node must not have warned about piling listeners.
 */
import { createHook } from "node:async_hooks";
import { afterAll, beforeAll, expect } from "vitest";

const unhandled: unknown[] = [];
const warnings: string[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
// The stack says which code added the listener that tipped it over.
const onWarning = (warning: Error) => void warnings.push(warning.stack ?? `${warning.name}: ${warning.message}`);

/** Handles that keep a process alive: timers, immediates, sockets and listening servers. */
const WATCHED = new Set(["Timeout", "Immediate", "TCPWRAP", "TCPSERVERWRAP"]);
interface Live {
  type: string;
  /** Where it was made, so a leak names its source. */
  stack: string;
  /** Timers can be unref'd: those cannot keep a process alive and are not a leak. */
  resource: WeakRef<object>;
}
const live = new Map<number, Live>();
const hook = createHook({
  init(asyncId, type, _trigger, resource) {
    if (!WATCHED.has(type)) return;
    const stack = new Error().stack ?? "";
    // Who asked for it: the first frame outside Node's internals and this hook.
    const frames = stack.split("\n").slice(2);
    const maker = frames.find((frame) => !frame.includes("node:")) ?? "";
    // vitest's own timers (a test's timeout, a hook's) are the runner's business, and this file's
    // waits below are its own.
    if (/[\\/](@vitest|vitest)[\\/]|hygiene\.ts/.test(maker)) return;
    live.set(asyncId, { type, stack, resource: new WeakRef(resource as object) });
  },
  destroy(asyncId) {
    live.delete(asyncId);
  },
});

const keepsAlive = ({ type, resource }: Live) => {
  const handle = resource.deref() as { hasRef?: () => boolean } | undefined;
  if (handle === undefined) return false;
  return type === "Timeout" || type === "Immediate" ? handle.hasRef?.() !== false : true;
};
const leftBehind = () =>
  [...live.values()].filter(keepsAlive).map(
    ({ type, stack }) =>
      `${type} made ${stack
        .split("\n")
        .slice(2)
        .filter((f) => !f.includes("node:"))
        .slice(0, 3)
        .join(" <- ")
        .replace(/\s+/g, " ")}`,
  );

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
  process.on("warning", onWarning);
  hook.enable();
});

afterAll(async () => {
  // Sockets close on the next turns of the event loop: give them a moment, never a long one.
  for (let i = 0; i < 40 && leftBehind().length > 0; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  hook.disable();
  process.off("unhandledRejection", onUnhandled);
  process.off("warning", onWarning);
  expect(leftBehind(), "handles left behind after the file's tests").toEqual([]);
  expect(unhandled.map(String), "promises rejected with no handler").toEqual([]);
  expect(
    warnings.filter((w) => w.startsWith("MaxListenersExceededWarning")),
    "listener warnings",
  ).toEqual([]);
});
