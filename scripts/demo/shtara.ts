import type { Customer } from "@customer-api/core";
import { createShtaraClient } from "@customer-api/shtara";

/** Read the customers the Shtara (Salla) mock serves (one get, the first list page), through the public API. */
export async function readCustomers(mockUrl: string): Promise<Customer[]> {
  const shtara = createShtaraClient({ token: "demo-access-token", baseUrl: mockUrl, acceptLanguage: "en" });
  const customers: Customer[] = [await shtara.customers.get(2075683582)];
  for await (const page of shtara.customers.list({ pageSize: 60 }).pages()) {
    customers.push(...page.items);
    break; // a mock repeats its example page; one page shows the shape
  }
  return customers;
}
