import { createHomeleClient } from "@customer-api/homele";
import type { Customer } from "@customer-api/core";

/** Read every customer the Homele mock serves (first page of the example), through the public API. */
export async function readCustomers(mockUrl: string): Promise<Customer[]> {
  const homele = createHomeleClient({ token: "1|demo-token", baseUrl: mockUrl });
  const customers: Customer[] = [await homele.customers.get(42)];
  for await (const page of homele.customers.list({ pageSize: 25 }).pages()) {
    customers.push(...page.items);
    break; // a mock repeats its example page; one page shows the shape
  }
  return customers;
}
