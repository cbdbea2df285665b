/**
 * The main job's last step: start a Prism mock of each vendor's spec in this process, read its
 * customers through the built packages (as a user would import them), and print them normalized.
 */
import type { Customer } from "@customer-api/core";
import { startMock } from "./mock-server.js";

const VENDORS = ["homele", "pexip", "shtara", "hamgam", "coax"] as const;

const rows: Record<string, string>[] = [];
let failed = false;
for (const vendor of VENDORS) {
  let module: { readCustomers(url: string): Promise<Customer[]> };
  try {
    module = await import(`./demo/${vendor}.ts`);
  } catch {
    console.log(`${vendor}: no client yet`);
    continue;
  }
  const mock = await startMock(vendor);
  try {
    for (const c of await module.readCustomers(mock.url)) {
      rows.push({
        vendor: c.vendor,
        id: c.id,
        name: c.name ?? "—",
        email: c.email ?? "—",
        phone: c.phone ?? "—",
        company: c.company ?? "—",
        city: c.address?.city ?? "—",
        country: c.address?.countryCode ?? c.address?.country ?? "—",
        updatedAt: c.updatedAt ?? "—",
      });
    }
  } catch (error) {
    failed = true;
    console.error(`${vendor}: ${String(error)}`);
  } finally {
    await mock.close();
  }
}
console.table(rows);
console.log(`${rows.length} customers from ${new Set(rows.map((r) => r.vendor)).size} vendors, read through the typed clients from Prism mocks of specs/.`);
if (failed) process.exitCode = 1;
