import { createHamgamClient } from "@customer-api/hamgam";
import type { Customer } from "@customer-api/core";

/** Read the Hamgam mock's customers (a retrieve and the first list page), through the public API. */
export async function readCustomers(mockUrl: string): Promise<Customer[]> {
  const hamgam = createHamgamClient({ token: "demo-api-key", baseUrl: mockUrl });
  const customers: Customer[] = [await hamgam.customers.get(123)];
  for await (const page of hamgam.customers.list({ pageSize: 10 }).pages()) {
    customers.push(...page.items);
    break; // a mock repeats its example page; one page shows the shape
  }
  return customers;
}
