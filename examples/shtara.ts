/**
 * Shtara (the Salla merchant API): read one customer, search customers lazily, walk whole pages,
 * and tell a missing customer from other failures.
 *
 *   SHTARA_TOKEN=<merchant access token> pnpm tsx examples/shtara.ts
 *   (SHTARA_BASE_URL is optional: Salla has one host.)
 */
import { ApiError, NotFoundError } from "@customer-api/core";
import { createShtaraClient } from "@customer-api/shtara";
import { env } from "./env.js";

const shtara = createShtaraClient({ token: env("SHTARA_TOKEN"), baseUrl: process.env.SHTARA_BASE_URL });

const customer = await shtara.customers.get(2075683582);
console.log(`get: ${customer.id} ${customer.name} ${customer.phone} updated ${customer.updatedAt}`);

let count = 0;
for await (const c of shtara.customers.list({ keyword: "Ahmed", pageSize: 60, maxItems: 10 })) {
  count++;
  console.log(`list: ${c.id} ${c.name}`);
}
console.log(`list: ${count} customers`);

// Page numbers, until the last page Salla's pagination names.
for await (const page of shtara.customers.list({ pageSize: 60, maxItems: 120 }).pages()) {
  console.log(`page: ${page.items.length} customers`);
}

try {
  await shtara.customers.get(404404); // an id no customer has
} catch (error) {
  if (error instanceof NotFoundError) console.log(`errors: ${error.status} NotFoundError: ${error.message}`);
  else if (error instanceof ApiError) console.log(`errors: ${error.status} ${error.name}: ${error.message}`);
  else throw error;
}
