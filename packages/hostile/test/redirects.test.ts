/**
 * Redirects by the fetch rules: 301/302 turn a POST (and 303 anything) into a body-less GET;
 * 307/308 resend the same method and body; a hop to another origin carries no `Authorization`,
 * cookie or proxy credentials; a chain of redirects ends after a few hops.
 */
import { ApiError, ConnectionError } from "@customer-api/core";
import { reply } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { customerIdOf, TOKEN, vendors } from "../src/vendors.js";
import { failureOf, useFaultServer } from "./support.js";

const STATUSES = [301, 302, 303, 307, 308] as const;
const COOKIE = "session=c00kie-value-77";

describe.each(vendors)("$name follows redirects safely", (kit) => {
  const api = useFaultServer();
  const other = useFaultServer();
  const id = customerIdOf(kit, 1);
  const path = kit.customerPath(encodeURIComponent(id));
  const ok = () => reply.json(200, kit.single(kit.record(1)));
  const client = () =>
    kit.client(api(), { maxRetries: 0, headers: { cookie: COOKIE, "proxy-authorization": "Basic cHJveHk6cHc=" } });

  describe.each(STATUSES)("a GET answered with %i", (status) => {
    it("same origin: follows with the credentials, with or without a redirect body", async () => {
      api()
        .script(path, reply.redirect(status, "/moved/1", "Moved"), reply.redirect(status, `${api().url}/moved/2`))
        .script(/^GET \/moved\//, ok());
      const c = client();
      await expect(c.customers.get(id)).resolves.toMatchObject({ id });
      await expect(c.customers.get(id)).resolves.toMatchObject({ id });
      const hops = api().requests.filter((r) => r.path.startsWith("/moved/"));
      expect(hops.map((r) => [r.method, r.path])).toEqual([
        ["GET", "/moved/1"],
        ["GET", "/moved/2"],
      ]);
      for (const hop of hops) expect(hop.headers.authorization).toContain(TOKEN);
    });

    it("cross origin: the hop carries no Authorization, cookie or proxy credentials", async () => {
      other().script(/^GET /, ok());
      api().script(path, reply.redirect(status, `${other().url}/elsewhere`, "Moved"));
      await expect(client().customers.get(id)).resolves.toMatchObject({ id });
      expect(other().requests).toHaveLength(1);
      const hop = other().requests[0]!;
      expect(hop.headers.authorization).toBeUndefined();
      expect(hop.headers.cookie).toBeUndefined();
      expect(hop.headers["proxy-authorization"]).toBeUndefined();
      expect(JSON.stringify(hop.headers)).not.toContain(TOKEN);
    });
  });

  it("a redirect loop ends after a few hops with an ApiError", async () => {
    api().script(/^GET /, (r) => reply.redirect(302, `/loop/${r.n}`));
    const error = await failureOf(client().customers.get(id));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(api().requests.length).toBeGreaterThan(1);
    expect(api().requests.length).toBeLessThanOrEqual(11);
  });

  it("a redirect that leaves http(s) is refused without a request", async () => {
    api().script(path, reply.redirect(302, "file:///etc/passwd"));
    const error = await failureOf(client().customers.get(id));
    expect(error).toBeInstanceOf(ApiError);
    expect(api().requests).toHaveLength(1);
  });

  describe.each(kit.bodyMethods)("$name ($method) sends a body", (write) => {
    const expectedBody = async () => {
      // What the first attempt sent, as the reference for a replay.
      return api().requests[0]!.body;
    };

    it.each([307, 308] as const)("%i resends the same method and body, same origin", async (status) => {
      api().script(`${write.method} ${write.path}`, reply.redirect(status, "/replayed")).script("/replayed", ok());
      await expect(write.call(client())).resolves.toBeDefined();
      const [first, second] = api().requests;
      expect(second).toMatchObject({ method: write.method, path: "/replayed" });
      expect(second!.body).toBe(await expectedBody());
      expect(second!.body.length).toBeGreaterThan(2);
      expect(second!.headers["content-type"]).toBe(first!.headers["content-type"]);
      expect(second!.headers.authorization).toContain(TOKEN);
    });

    it.each([307, 308] as const)("%i resends the body cross origin, without credentials", async (status) => {
      other().script(/./, ok());
      api().script(`${write.method} ${write.path}`, reply.redirect(status, `${other().url}/replayed`));
      await expect(write.call(client())).resolves.toBeDefined();
      const hop = other().requests[0]!;
      expect(hop.method).toBe(write.method);
      expect(hop.body).toBe(api().requests[0]!.body);
      expect(hop.headers.authorization).toBeUndefined();
      expect(hop.headers.cookie).toBeUndefined();
    });

    it.each([301, 302, 303] as const)("%i: GET without a body where fetch says so, else the same request", async (status) => {
      api().script(`${write.method} ${write.path}`, reply.redirect(status, "/after")).script("/after", ok());
      await expect(write.call(client())).resolves.toBeDefined();
      const hop = api().requests[1]!;
      const becomesGet = status === 303 || write.method === "POST";
      if (becomesGet) {
        expect(hop.method).toBe("GET");
        expect(hop.body).toBe("");
        expect(hop.headers["content-type"]).toBeUndefined();
        expect(hop.headers["content-length"] ?? "0").toBe("0");
      } else {
        expect(hop.method).toBe(write.method);
        expect(hop.body).toBe(api().requests[0]!.body);
      }
    });
  });
});
