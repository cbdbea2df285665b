/**
 * Pexip Engage: read one customer, list customers lazily, walk whole pages, and tell a missing
 * customer from other failures.
 *
 *   PEXIP_TOKEN=… PEXIP_BASE_URL=https://api.pexipengage.com/enterprises/<enterprise> pnpm tsx examples/pexip.ts
 */
import { ApiError, NotFoundError } from "@customer-api/core";
import { createPexipClient } from "@customer-api/pexip";
import { env } from "./env.js";

const pexip = createPexipClient({ token: env("PEXIP_TOKEN"), baseUrl: env("PEXIP_BASE_URL"), acceptLanguage: "en" });

const customer = await pexip.customers.get("123");
console.log(`get: ${customer.id} ${customer.name} <${customer.email}> ${customer.address?.city ?? "no city"}`);

let count = 0;
for await (const c of pexip.customers.list({ pageSize: 25, maxItems: 10 })) {
  count++;
  console.log(`list: ${c.id} ${c.name}`);
}
console.log(`list: ${count} customers`);

// Offset paging: each page is one request of up to pageSize records.
for await (const page of pexip.customers.list({ pageSize: 25, maxItems: 50 }).pages()) {
  console.log(`page: ${page.items.length} customers`);
}

try {
  await pexip.customers.get("404404"); // an id no customer has
} catch (error) {
  if (error instanceof NotFoundError)
    console.log(`errors: ${error.status} NotFoundError: ${error.message} (correlation id ${error.requestId})`);
  else if (error instanceof ApiError) console.log(`errors: ${error.status} ${error.name}: ${error.message}`);
  else throw error;
}
