/**
 * Homele CRM: read one customer, list customers lazily, walk whole pages, and tell a missing
 * customer from other failures.
 *
 *   HOMELE_TOKEN=1|abc… HOMELE_BASE_URL=https://<your-domain>/api/v2/crm pnpm tsx examples/homele.ts
 */
import { ApiError, NotFoundError } from "@customer-api/core";
import { createHomeleClient } from "@customer-api/homele";
import { env } from "./env.js";

const homele = createHomeleClient({ token: env("HOMELE_TOKEN"), baseUrl: env("HOMELE_BASE_URL") });

const customer = await homele.customers.get(42);
console.log(`get: ${customer.id} ${customer.name} <${customer.email}> ${customer.phone} updated ${customer.updatedAt}`);

let count = 0;
// The first two customers; without maxItems the loop walks every page, one request at a time.
for await (const c of homele.customers.list({ pageSize: 25, maxItems: 2 })) {
  count++;
  console.log(`list: ${c.id} ${c.name}`);
}
console.log(`list: ${count} customers`);

// Whole pages as Homele sends them (cursor paging); maxItems stops before any page beyond it.
for await (const page of homele.customers.list({ pageSize: 2, maxItems: 2 }).pages()) {
  console.log(`page: ${page.items.length} customers`);
}

try {
  await homele.customers.get(404404); // an id no customer has
} catch (error) {
  if (error instanceof NotFoundError) console.log(`errors: ${error.status} NotFoundError: ${error.message}`);
  else if (error instanceof ApiError) console.log(`errors: ${error.status} ${error.name}: ${error.message}`);
  else throw error;
}
