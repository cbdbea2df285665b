/**
 * Listings against servers that page badly: a cursor or offset that repeats, a total that
 * shrinks, records served twice, a list that never ends. The walk ends (with the records
 * served, or an `InvalidResponseError`), never loops, and a caller's signal gains no listener
 * per page.
 */
import { getEventListeners } from "node:events";
import { InvalidResponseError, UserAbortError } from "@customer-api/core";
import { reply } from "@customer-api/testkit";
import { describe, expect, it } from "vitest";
import { recordsOf, servePages, vendors } from "../src/vendors.js";
import { failureOf, useFaultServer } from "./support.js";

const SIZE = 10;

describe.each(vendors)("$name listings against a hostile pager", (kit) => {
  const server = useFaultServer();
  const client = () => kit.client(server(), { maxRetries: 0 });
  const idsOf = (records: { id?: unknown }[]) => records.map((r) => String(r.id));
  const collect = async (list: AsyncIterable<{ id: string }>) => {
    const ids: string[] = [];
    for await (const customer of list) ids.push(customer.id);
    return ids;
  };

  it("walks a well-behaved listing to its end", async () => {
    server().script(
      kit.listPath,
      servePages(kit, SIZE, (i) => ({ records: recordsOf(kit, i * SIZE + 1, i < 2 ? SIZE : 5), total: 25 })),
    );
    const ids = await collect(client().customers.list({ pageSize: SIZE }));
    expect(ids).toEqual(idsOf(recordsOf(kit, 1, 25)));
    expect(server().requests).toHaveLength(3);
  });

  it("a position that repeats (same cursor, an ignored offset or page) ends in InvalidResponseError", async () => {
    // Every answer is the first page again, pointing at the same next position (cursor "c1").
    server().script(
      kit.listPath,
      reply.json(200, kit.page(recordsOf(kit, 1, SIZE), { index: 0, pageSize: SIZE, total: 1_000, more: true })),
    );
    const error = await failureOf(collect(client().customers.list({ pageSize: SIZE })));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(server().requests.length).toBeLessThanOrEqual(4);
  });

  it("a total that shrinks mid-walk ends the walk with what was served", async () => {
    server().script(
      kit.listPath,
      servePages(kit, SIZE, (i) =>
        i === 0 ? { records: recordsOf(kit, 1, SIZE), total: 40 } : { records: recordsOf(kit, 11, 3), total: 13 },
      ),
    );
    const ids = await collect(client().customers.list({ pageSize: SIZE }));
    expect(ids).toEqual(idsOf(recordsOf(kit, 1, 13)));
    expect(server().requests.length).toBeLessThanOrEqual(3);
  });

  it("records served twice across pages are passed on as served, and the walk ends", async () => {
    server().script(
      kit.listPath,
      servePages(kit, SIZE, (i) =>
        i === 0 ? { records: recordsOf(kit, 1, SIZE), total: 20 } : { records: recordsOf(kit, 6, SIZE), total: 20 },
      ),
    );
    const ids = await collect(client().customers.list({ pageSize: SIZE }));
    expect(ids).toEqual([...idsOf(recordsOf(kit, 1, SIZE)), ...idsOf(recordsOf(kit, 6, SIZE))]);
  });

  it("a list that never ends stops at maxItems without fetching far ahead", async () => {
    server().script(
      kit.listPath,
      servePages(kit, SIZE, (i) => ({ records: recordsOf(kit, i * SIZE + 1, SIZE), total: 1e9, more: true })),
    );
    const ids = await collect(client().customers.list({ pageSize: SIZE, maxItems: 35 }));
    expect(ids).toEqual(idsOf(recordsOf(kit, 1, 35)));
    // Four pages hold 35 records; a paginator may prefetch one more, never more than that.
    expect(server().requests.length).toBeGreaterThanOrEqual(4);
    expect(server().requests.length).toBeLessThanOrEqual(5);
  });

  it("a list that never ends stops when the caller aborts, with UserAbortError", async () => {
    server().script(
      kit.listPath,
      servePages(kit, SIZE, (i) => ({ records: recordsOf(kit, i * SIZE + 1, SIZE), total: 1e9, more: true })),
    );
    const controller = new AbortController();
    let seen = 0;
    const walk = (async () => {
      for await (const _ of client().customers.list({ pageSize: SIZE, signal: controller.signal })) {
        if (++seen === 25) controller.abort();
      }
    })();
    const error = await failureOf(walk);
    expect(error).toBeInstanceOf(UserAbortError);
    expect(seen).toBe(25);
  });

  it("a long listing with the caller's signal adds no abort listener per page", async () => {
    const PAGES = 40;
    server().script(
      kit.listPath,
      servePages(kit, 2, (i) => ({ records: recordsOf(kit, i * 2 + 1, 2), total: PAGES * 2 })),
    );
    const controller = new AbortController();
    let most = 0;
    let count = 0;
    for await (const _ of client().customers.list({ pageSize: 2, signal: controller.signal })) {
      count++;
      most = Math.max(most, getEventListeners(controller.signal, "abort").length);
    }
    expect(count).toBe(PAGES * 2);
    // One listener for the page in flight (and one for a prefetched page) is all a walk needs.
    expect(most).toBeLessThanOrEqual(2);
    expect(getEventListeners(controller.signal, "abort").length).toBe(0);
  });
});
