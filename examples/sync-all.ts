/**
 * Every customer of all five vendors into one NDJSON file, one normalized `Customer` per line.
 * The vendors are read at the same time, each within its own rate limit; a vendor that fails is
 * reported and the others still finish (the exit code says something failed).
 *
 *   HOMELE_TOKEN=… HOMELE_BASE_URL=… PEXIP_TOKEN=… PEXIP_BASE_URL=… SHTARA_TOKEN=… \
 *   HAMGAM_TOKEN=… HAMGAM_BASE_URL=… COAX_TOKEN=… pnpm tsx examples/sync-all.ts customers.ndjson
 *   (SYNC_MAX_ITEMS caps each vendor, for a trial run.)
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createCoaxClient } from "@customer-api/coax";
import { ApiError, type Customer } from "@customer-api/core";
import { createHamgamClient } from "@customer-api/hamgam";
import { createHomeleClient } from "@customer-api/homele";
import { createPexipClient } from "@customer-api/pexip";
import { createShtaraClient } from "@customer-api/shtara";
import { env } from "./env.js";

const file = process.argv[2] ?? "customers.ndjson";
const maxItems = process.env.SYNC_MAX_ITEMS ? Number(process.env.SYNC_MAX_ITEMS) : undefined;

const sources: Record<string, () => AsyncIterable<Customer>> = {
  homele: () =>
    createHomeleClient({ token: env("HOMELE_TOKEN"), baseUrl: env("HOMELE_BASE_URL") }).customers.list({
      pageSize: 100,
      maxItems,
    }),
  pexip: () =>
    createPexipClient({ token: env("PEXIP_TOKEN"), baseUrl: env("PEXIP_BASE_URL") }).customers.list({ pageSize: 100, maxItems }),
  shtara: () =>
    createShtaraClient({ token: env("SHTARA_TOKEN"), baseUrl: process.env.SHTARA_BASE_URL }).customers.list({
      pageSize: 60,
      maxItems,
    }),
  hamgam: () =>
    createHamgamClient({ token: env("HAMGAM_TOKEN"), baseUrl: env("HAMGAM_BASE_URL") }).customers.list({
      pageSize: 100,
      maxItems,
    }),
  coax: () =>
    createCoaxClient({ token: env("COAX_TOKEN"), baseUrl: process.env.COAX_BASE_URL }).customers.list({
      pageSize: 100,
      maxItems,
    }),
};

const out = createWriteStream(file);
async function write(line: string) {
  // Respect the stream's backpressure: a large sync never holds more than a buffer in memory.
  if (!out.write(line)) await once(out, "drain");
}

const results = await Promise.allSettled(
  Object.entries(sources).map(async ([vendor, list]) => {
    let count = 0;
    for await (const customer of list()) {
      await write(`${JSON.stringify(customer)}\n`);
      count++;
    }
    console.log(`sync: ${vendor} ${count} customers`);
    return count;
  }),
);
out.end();
await once(out, "finish");

let total = 0;
let failed = 0;
for (const [i, result] of results.entries()) {
  const vendor = Object.keys(sources)[i];
  if (result.status === "fulfilled") total += result.value;
  else {
    failed++;
    const e = result.reason;
    console.error(`sync: ${vendor} failed: ${e instanceof ApiError ? `${e.name} ${e.status ?? ""} ${e.message}` : String(e)}`);
  }
}
console.log(`sync: ${total} customers from ${results.length - failed} vendors written to ${file}`);
if (failed) process.exitCode = 1;
