/**
 * Hamgam: read one customer, list customers lazily, walk whole pages, and tell a missing
 * customer from other failures. Every tenant has its own host, so the base URL is required.
 *
 *   HAMGAM_TOKEN=<api key> HAMGAM_BASE_URL=https://<tenant host> pnpm tsx examples/hamgam.ts
 */
import { ApiError, NotFoundError } from "@customer-api/core";
import { createHamgamClient } from "@customer-api/hamgam";
import { env } from "./env.js";

const hamgam = createHamgamClient({ token: env("HAMGAM_TOKEN"), baseUrl: env("HAMGAM_BASE_URL") });

const customer = await hamgam.customers.get(123);
console.log(`get: ${customer.id} ${customer.name} ${customer.phone} created ${customer.createdAt}`);

let count = 0;
for await (const c of hamgam.customers.list({ pageSize: 10, maxItems: 10 })) {
  count++;
  console.log(`list: ${c.id} ${c.name}`);
}
console.log(`list: ${count} customers`);

// limit/offset paging, until the count Hamgam reports.
for await (const page of hamgam.customers.list({ pageSize: 10, maxItems: 30 }).pages()) {
  console.log(`page: ${page.items.length} customers`);
}

try {
  await hamgam.customers.get(404404); // an id no customer has
} catch (error) {
  if (error instanceof NotFoundError) console.log(`errors: ${error.status} NotFoundError: ${error.message}`);
  else if (error instanceof ApiError) console.log(`errors: ${error.status} ${error.name}: ${error.message}`);
  else throw error;
}
