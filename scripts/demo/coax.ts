import { createCoaxClient } from "@customer-api/coax";
import type { Customer } from "@customer-api/core";

/** Read the customers the Coax mock serves (one get, the first list page), through the public API. */
export async function readCustomers(mockUrl: string): Promise<Customer[]> {
  const coax = createCoaxClient({
    token: "coax-demo-key",
    baseUrl: mockUrl,
    locationId: "9b2d7e44-1c3a-4f5e-8d6b-7a9c0e1f2a33", // an all-locations key names the location
  });
  const customers: Customer[] = [await coax.customers.get("3f6c1b52-8a2e-4c7d-9b1e-2d4f6a8c0e11")];
  for await (const page of coax.customers.list({ pageSize: 20 }).pages()) {
    customers.push(...page.items);
    break; // a mock repeats its example page; one page shows the shape
  }
  return customers;
}
