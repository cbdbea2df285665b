/** The kit itself: the fault server does what a script says, and the leak scanner finds leaks. */
import { describe, expect, it } from "vitest";
import { leakSites, reply, startFaultServer } from "../src/index.js";

describe("fault server", () => {
  it("answers matching requests with the script in order, repeating the last step, and records raw paths", async () => {
    const server = await startFaultServer();
    try {
      server.script("GET /a%2Fb", reply.json(500, { n: 1 }), reply.json(200, { n: 2 }));
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/a%2Fb?x=1`)).status);
      expect(statuses).toEqual([500, 200, 200]);
      expect(server.requests.map((r) => [r.path, r.query.get("x")])).toEqual(Array(3).fill(["/a%2Fb", "1"]));
      expect((await fetch(`${server.url}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("drops connections and stalls as told, and close() ends a stalled exchange", async () => {
    const server = await startFaultServer();
    server.script("/reset", reply.reset()).script("/stall", reply.stall());
    await expect(fetch(`${server.url}/reset`)).rejects.toThrow();
    const stalled = fetch(`${server.url}/stall`).then(
      () => "answered",
      () => "dropped",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.maxInFlight).toBeGreaterThanOrEqual(1);
    await server.close();
    expect(await stalled).toBe("dropped");
  });
});

describe("leak scanner", () => {
  it("finds a secret in each place it looks", () => {
    const secret = "s3cr3t-value";
    const error = Object.assign(new Error(`bad ${secret}`), { body: { echo: secret }, requestId: secret });
    expect(leakSites(error, [secret])).toEqual([
      "message",
      "toString",
      "JSON.stringify",
      "util.inspect",
      "stack",
      "body",
      "requestId",
    ]);
    expect(leakSites(new Error("clean", { cause: new Error(secret) }), [secret])).toEqual(["util.inspect", "cause"]);
    expect(leakSites(new Error("clean"), [secret])).toEqual([]);
  });
});
