import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { onAbort } from "./signals.js";

describe("onAbort", () => {
  it("hangs one listener on a signal however many subscribe, and none once they all leave", () => {
    const controller = new AbortController();
    const leave = Array.from({ length: 50 }, () => onAbort(controller.signal, () => undefined));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    for (const unsubscribe of leave) unsubscribe();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    // Leaving twice is harmless, and a new subscriber after everyone left gets a fresh listener.
    leave[0]!();
    const again = onAbort(controller.signal, () => undefined);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    again();
  });

  it("runs every subscription still there exactly once when the signal aborts", () => {
    const controller = new AbortController();
    const runs: number[] = [];
    const callback = () => runs.push(1);
    onAbort(controller.signal, callback);
    onAbort(controller.signal, callback);
    const gone = onAbort(controller.signal, () => runs.push(99));
    gone();
    controller.abort();
    controller.abort();
    expect(runs).toEqual([1, 1]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
