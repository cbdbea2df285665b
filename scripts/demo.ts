/**
 * The main job's last step: for every vendor package of the workspace, start a Prism mock of its spec
 * in this process, read customers through the built package (as a user would import it: the factory,
 * `customers.list`, then `customers.get` of the first record) and print them normalized in one table.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Customer } from "@customer-api/core";
import { startMock } from "@customer-api/testkit";
import Table from "cli-table3";
import { vendorPackages } from "./workspace.js";

interface DemoClient {
  customers: {
    get(id: string): Promise<Customer>;
    list(): { pages(): AsyncIterable<{ items: Customer[] }> };
  };
}

const rows: Record<string, string>[] = [];
let failed = false;
for (const pkg of vendorPackages()) {
  const mock = await startMock(pkg.spec);
  try {
    const module = await import(pathToFileURL(join(pkg.dir, String(pkg.manifest.module))).href);
    // `enterprise` is for vendors whose URL names a tenant; a baseUrl makes it unused.
    const client = module[pkg.factory]({ token: "demo-token", baseUrl: mock.url, enterprise: "demo" }) as DemoClient;
    const customers: Customer[] = [];
    // A mock repeats its example page, so the first page shows the shape.
    for await (const page of client.customers.list().pages()) {
      customers.push(...page.items);
      break;
    }
    if (customers[0]) customers.unshift(await client.customers.get(customers[0].id));
    for (const c of customers) {
      rows.push({
        vendor: c.vendor,
        id: c.id,
        name: c.name ?? "—",
        email: c.email ?? "—",
        phone: c.phone ?? "—",
        company: c.company ?? "—",
        city: c.address?.city ?? "—",
        // ISO 3166-1 alpha-2 for every vendor, whatever form (code, English or Arabic name) the record used.
        countryCode: c.address?.countryCode ?? "—",
        updatedAt: c.updatedAt ?? "—",
      });
    }
  } catch (error) {
    failed = true;
    console.error(`${pkg.vendor}: ${String(error)}`);
  } finally {
    await mock.close();
  }
}
const columns = ["vendor", "id", "name", "email", "phone", "company", "city", "countryCode", "updatedAt"];
const table = new Table({ head: columns, style: { head: [], border: [], compact: true } });
for (const row of rows) table.push(columns.map((c) => row[c] ?? "—"));
console.log(table.toString());
console.log(
  `${rows.length} customers from ${new Set(rows.map((r) => r.vendor)).size} vendors, read through the typed clients from Prism mocks of specs/.`,
);
if (failed) process.exitCode = 1;
