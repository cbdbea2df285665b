/** How `get`, `list` and `vendors` print: a table for a person at a terminal, JSON for a program. */
import type { Customer } from "@customer-api/core";
import Table from "cli-table3";
import { NORMALIZED_COLUMNS, normalizedRow, TABLE_COLUMNS, tableRow } from "./records.js";

export const OUTPUTS = ["table", "ndjson", "json"] as const;
export type Output = (typeof OUTPUTS)[number];

/** A table when standard output is a terminal, NDJSON when it is piped or redirected. */
export const defaultOutput = (): Output => (process.stdout.isTTY ? "table" : "ndjson");

const TABLE_STYLE = { head: [], border: [], compact: true };

export function customersTable(customers: readonly Customer[]): string {
  const table = new Table({ head: [...TABLE_COLUMNS], style: TABLE_STYLE });
  for (const customer of customers) table.push(tableRow(customer));
  return table.toString();
}

/** One customer, field by field. */
export function customerTable(customer: Customer): string {
  const table = new Table({ style: TABLE_STYLE });
  const row = normalizedRow(customer);
  for (const [i, column] of NORMALIZED_COLUMNS.entries()) table.push({ [column]: row[i] ?? "—" });
  return table.toString();
}

export function plainTable(head: string[], rows: string[][], colWidths?: number[]): string {
  const table = new Table({ head, style: TABLE_STYLE, ...(colWidths ? { colWidths, wordWrap: true } : {}) });
  table.push(...rows);
  return table.toString();
}
