/**
 * How a page of customers becomes text in each export format. Every format keeps the file
 * complete between pages: a json export ends with `]` after every page, and the next page is
 * written over that `]` (see `ExportFile`), so an interrupted export is still a valid document.
 */
import type { Customer } from "@customer-api/core";
import { stringify } from "csv-stringify/sync";
import type { SpecVendor } from "../generated/list-filters.js";
import { NORMALIZED_COLUMNS, normalizedRow, rawColumns, rawRow, recordOf } from "../records.js";

export const EXPORT_FORMATS = ["ndjson", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface PageEncoder {
  /** Written once, at the start of a new file. */
  readonly start: string;
  /** One page; `first` when no record precedes it in the file. */
  page(customers: readonly Customer[], first: boolean): string;
  /** Follows every page and is overwritten by the next one. */
  readonly end: string;
}

// RFC 4180: CRLF between records; fields with a comma, quote or line break are quoted, quotes doubled.
const CSV_OPTIONS = { record_delimiter: "windows" } as const;

export function encoderFor(format: ExportFormat, vendor: SpecVendor, raw: boolean): PageEncoder {
  switch (format) {
    case "ndjson":
      return {
        start: "",
        page: (customers) => customers.map((c) => `${JSON.stringify(recordOf(c, raw))}\n`).join(""),
        end: "",
      };
    case "json":
      return {
        start: "[",
        page: (customers, first) =>
          customers.length === 0
            ? ""
            : (first ? "\n" : ",\n") + customers.map((c) => `  ${JSON.stringify(recordOf(c, raw))}`).join(",\n"),
        end: "\n]\n",
      };
    case "csv": {
      const columns = raw ? rawColumns(vendor) : [...NORMALIZED_COLUMNS];
      const row = raw ? (c: Customer) => rawRow(vendor, c) : normalizedRow;
      return {
        start: stringify([columns], CSV_OPTIONS),
        page: (customers) => (customers.length === 0 ? "" : stringify(customers.map(row), CSV_OPTIONS)),
        end: "",
      };
    }
  }
}
