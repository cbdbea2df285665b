import { createPexipClient } from "@customer-api/pexip";
import type { Customer } from "@customer-api/core";

/** Read the Pexip mock's customers (the documented one, then the first list page), through the public API. */
export async function readCustomers(mockUrl: string): Promise<Customer[]> {
  const pexip = createPexipClient({ token: "demo-token", baseUrl: mockUrl, acceptLanguage: "en" });
  const customers: Customer[] = [await pexip.customers.get("123")];
  for await (const page of pexip.customers.list({ pageSize: 25 }).pages()) {
    customers.push(...page.items);
    break; // a mock repeats its example page; one page shows the shape
  }
  return customers;
}
