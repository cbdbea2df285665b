/**
 * The vendors' list filters as flags: built from the table generated from the specs, and turned
 * back into `customers.list` parameters for the one vendor a command names.
 */
import { Option } from "commander";
import { UsageError } from "./exit-codes.js";
import { type ListFilter, listFilters, type SpecVendor } from "./generated/list-filters.js";
import { VENDORS } from "./vendors.js";

interface FlagUse {
  vendor: SpecVendor;
  filter: ListFilter;
  /** The `customers.list` parameter it sets. */
  listParam: string;
}

/** Every filter flag (without `--`), with each vendor that has it. Page position and size are not filters. */
function filterFlags(): Map<string, FlagUse[]> {
  const flags = new Map<string, FlagUse[]>();
  for (const [vendor, filters] of Object.entries(listFilters) as [SpecVendor, readonly ListFilter[]][]) {
    const roles = VENDORS[vendor].params as Record<string, string>;
    for (const filter of filters) {
      const role = roles[filter.param];
      if (role === undefined) throw new Error(`${vendor}: the list parameter ${filter.param} has no role in vendors.ts`);
      if (role === "paging" || role === "connection" || role === "pageSize") continue;
      flags.set(filter.flag, [...(flags.get(filter.flag) ?? []), { vendor, filter, listParam: role }]);
    }
  }
  return flags;
}

const FLAGS = filterFlags();

/** `lead-status-id` -> `leadStatusId`, the key commander stores an option under. */
const optionKey = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The filter options, one help group per set of vendors, so `--help` lists each vendor's filters. */
export function filterOptions(): Option[] {
  return [...FLAGS].map(([flag, uses]) => {
    const { filter } = uses[0]!;
    const vendors = uses.map((u) => u.vendor).join(", ");
    const value = filter.type === "boolean" ? "[true|false]" : "<value>";
    const notes = [filter.type, ...(filter.array ? ["repeatable"] : [])].join(", ");
    const sends = uses.map((u) => (uses.length > 1 ? `${u.filter.param} (${u.vendor})` : u.filter.param)).join(", ");
    const option = new Option(`--${flag} ${value}`, `${filter.description || filter.param} (${notes}; sends ${sends})`);
    if (filter.array) option.argParser(collect);
    if (filter.enum) option.choices([...filter.enum]);
    return option.helpGroup(`Filters for ${vendors} (from each vendor's spec):`);
  });
}

/** The filters given on the command line, checked against the vendor's spec and typed for its client. */
export function listParamsFrom(vendor: SpecVendor, options: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [flag, uses] of FLAGS) {
    const given = options[optionKey(flag)];
    if (given === undefined) continue;
    const use = uses.find((u) => u.vendor === vendor);
    if (!use) {
      throw new UsageError(`--${flag} is not a ${vendor} filter (it belongs to ${uses.map((u) => u.vendor).join(", ")})`);
    }
    const values = (Array.isArray(given) ? given : [given]).map((v) => convert(flag, use.filter, v));
    params[use.listParam] = use.filter.array ? values : values[0];
  }
  return params;
}

function convert(flag: string, filter: ListFilter, value: unknown): string | number | boolean {
  const text = value === true ? "true" : String(value);
  switch (filter.type) {
    case "boolean":
      if (text !== "true" && text !== "false") throw new UsageError(`--${flag} takes true or false, not "${text}"`);
      return text === "true";
    case "integer":
    case "number": {
      const number = Number(text);
      if (text.trim() === "" || !Number.isFinite(number) || (filter.type === "integer" && !Number.isInteger(number))) {
        throw new UsageError(`--${flag} takes ${filter.type === "integer" ? "a whole number" : "a number"}, not "${text}"`);
      }
      return number;
    }
    default:
      return text;
  }
}
