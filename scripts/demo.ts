/**
 * The main job's last step: start a Prism mock of each vendor's spec in this process, read its
 * customers through the built packages (as a user would import them), and print them normalized.
 */
import type { Customer } from "@customer-api/core";
import Table from "cli-table3";
import { readCustomers as coax } from "./demo/coax.js";
import { readCustomers as hamgam } from "./demo/hamgam.js";
import { readCustomers as homele } from "./demo/homele.js";
import { readCustomers as pexip } from "./demo/pexip.js";
import { readCustomers as shtara } from "./demo/shtara.js";
import { startMock } from "./mock-server.js";

const VENDORS: Record<string, (mockUrl: string) => Promise<Customer[]>> = { homele, pexip, shtara, hamgam, coax };

const rows: Record<string, string>[] = [];
let failed = false;
for (const [vendor, readCustomers] of Object.entries(VENDORS)) {
  const mock = await startMock(vendor);
  try {
    for (const c of await readCustomers(mock.url)) {
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
    console.error(`${vendor}: ${String(error)}`);
  } finally {
    await mock.close();
  }
}
const columns = ["vendor", "id", "name", "email", "phone", "company", "city", "countryCode", "updatedAt"];
const table = new Table({ head: columns, style: { head: [], border: [], compact: true } });
for (const row of rows) table.push(columns.map((c) => row[c] ?? "—"));
console.log(table.toString());
console.log(`${rows.length} customers from ${new Set(rows.map((r) => r.vendor)).size} vendors, read through the typed clients from Prism mocks of specs/.`);
if (failed) process.exitCode = 1;
