/**
 * Coax: read one customer, search customers lazily, walk whole pages, and tell a missing
 * customer from other failures.
 *
 *   COAX_TOKEN=<api key> pnpm tsx examples/coax.ts
 *   (COAX_BASE_URL is optional; COAX_LOCATION_ID is needed with a key scoped to all locations.)
 */

import { createCoaxClient } from "@customer-api/coax";
import { ApiError, NotFoundError } from "@customer-api/core";
import { env } from "./env.js";

const coax = createCoaxClient({
  token: env("COAX_TOKEN"),
  baseUrl: process.env.COAX_BASE_URL,
  locationId: process.env.COAX_LOCATION_ID,
});

const customer = await coax.customers.get("3f6c1b52-8a2e-4c7d-9b1e-2d4f6a8c0e11");
console.log(`get: ${customer.id} ${customer.name} <${customer.email}> ${customer.phone}`);

let count = 0;
for await (const c of coax.customers.list({ q: "jane", pageSize: 50, maxItems: 10 })) {
  count++;
  console.log(`list: ${c.id} ${c.name}`);
}
console.log(`list: ${count} customers`);

// Page numbers from 1, until the last page the total names.
for await (const page of coax.customers.list({ pageSize: 50, maxItems: 100 }).pages()) {
  console.log(`page: ${page.items.length} customers`);
}

try {
  await coax.customers.get("00000000-0000-4000-8000-000000404404"); // an id no customer has
} catch (error) {
  if (error instanceof NotFoundError) console.log(`errors: ${error.status} NotFoundError: ${error.message}`);
  else if (error instanceof ApiError) console.log(`errors: ${error.status} ${error.name}: ${error.message}`);
  else throw error;
}
