/**
 * `customer-api`: read, list and export customers of any supported vendor, through the published
 * clients. Commands: vendors, get, list, export. Run `customer-api --help`.
 */

import type { Customer } from "@customer-api/core";
import { Command, CommanderError, Option } from "commander";
import { EXIT_CODE_HELP, EXIT_CODES, errorLine, exitCodeFor, InterruptedError, UsageError } from "./exit-codes.js";
import { EXPORT_FORMATS, type ExportFormat } from "./export/formats.js";
import { exportProgress } from "./export/progress.js";
import { type ExportState, runExport } from "./export/run-export.js";
import { filterOptions, listParamsFrom } from "./filters.js";
import { listFilters, type SpecVendor } from "./generated/list-filters.js";
import { type Mock, startMock } from "./mock.js";
import { recordOf } from "./records.js";
import { addSecret, redact } from "./redact.js";
import { customersTable, customerTable, defaultOutput, OUTPUTS, type Output, plainTable } from "./render.js";
import {
  type CommonClientOptions,
  type Connection,
  type ConnectionKey,
  type CustomersReader,
  SECRET_KEYS,
  VENDORS,
  vendorAdapter,
} from "./vendors.js";
import { verboseLogger } from "./verbose.js";

declare const CLI_VERSION: string;

/** Flags shared by every command that talks to a vendor. */
interface CommonFlags extends Connection {
  limit?: number;
  pageSize?: number;
  mock?: boolean;
  verbose?: boolean;
  raw?: boolean;
  timeout?: number;
  retries?: number;
  rateLimit?: boolean;
  output?: Output;
}

const CONNECTION_FLAGS: [ConnectionKey, string, string][] = [
  ["token", "--token <secret>", "API token or key (prefer the environment: flags show in the process list)"],
  ["clientId", "--client-id <id>", "OAuth2 client id (pexip, shtara)"],
  ["clientSecret", "--client-secret <secret>", "OAuth2 client secret (pexip, shtara)"],
  ["refreshToken", "--refresh-token <secret>", "shtara: a refresh token (spent on first use; the new one goes to --tokens-file)"],
  ["tokensFile", "--tokens-file <file>", "shtara: where the rotated tokens are kept (read first when it exists)"],
  ["baseUrl", "--base-url <url>", "the API's base URL (required for hamgam: the tenant's root URL)"],
  ["enterprise", "--enterprise <name>", "pexip: the enterprise (tenant) name"],
  ["environment", "--environment <name>", "pexip: production or development"],
  ["locationId", "--location-id <uuid>", "coax: the business location (a key for all locations needs it)"],
  ["acceptLanguage", "--accept-language <tags>", "pexip, shtara: Accept-Language of every request, e.g. en"],
];

const flagOf = (key: ConnectionKey) => CONNECTION_FLAGS.find(([k]) => k === key)![1].split(" ")[0]!;

const positiveInteger = (name: string) => (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`${name} takes a whole number >= 0, not "${value}"`);
  return number;
};

function addCommonOptions(command: Command, outputs: boolean): Command {
  for (const [, flags, description] of CONNECTION_FLAGS)
    command.addOption(new Option(flags, description).helpGroup("Connection:"));
  command
    .addOption(
      new Option(
        "--mock",
        "run against a Prism mock of the vendor's spec, started in this process (no account needed)",
      ).helpGroup("Connection:"),
    )
    .addOption(
      new Option("--timeout <ms>", "per attempt, in milliseconds (default 30000)")
        .argParser(positiveInteger("--timeout"))
        .helpGroup("Connection:"),
    )
    .addOption(
      new Option("--retries <n>", "retries after the first attempt (default 2)")
        .argParser(positiveInteger("--retries"))
        .helpGroup("Connection:"),
    )
    .addOption(
      new Option(
        "--no-rate-limit",
        "do not pace requests to the vendor's documented limit (its 429s are still obeyed)",
      ).helpGroup("Connection:"),
    )
    .addOption(new Option("--raw", "the vendor's own record instead of the normalized one").helpGroup("Output:"))
    .addOption(
      new Option("--verbose", "one line per HTTP attempt on stderr: method, path, status, wait (credentials redacted)").helpGroup(
        "Output:",
      ),
    );
  if (outputs) {
    command.addOption(
      new Option("--output <kind>", "table, ndjson or json (default: table on a terminal, ndjson when piped)")
        .choices(OUTPUTS)
        .helpGroup("Output:"),
    );
  }
  return command;
}

/** Flags first, then the vendor's environment variables; a flag the vendor does not take is an error. */
function connectionFor(vendor: SpecVendor, flags: CommonFlags): Connection {
  const adapter = VENDORS[vendor];
  const connection: Connection = {};
  for (const [key] of CONNECTION_FLAGS) {
    const env = adapter.env[key];
    if (flags[key] !== undefined && env === undefined) throw new UsageError(`${flagOf(key)} does not apply to ${vendor}`);
    // With --mock the environment's real credentials stay out of it: the mock gets placeholders.
    const value =
      flags[key] ??
      (flags.mock || env === undefined ? undefined : process.env[env]) ??
      (flags.mock ? adapter.mockDefaults[key] : undefined);
    if (value !== undefined && value !== "") connection[key] = value;
  }
  for (const key of SECRET_KEYS) addSecret(connection[key]);
  return connection;
}

interface Session {
  reader: CustomersReader;
  /** Stop after the first page: a mock serves its example page at every position. */
  firstPageOnly: boolean;
  close(): Promise<void>;
}

async function openSession(vendorName: string, flags: CommonFlags): Promise<Session> {
  const adapter = vendorAdapter(vendorName);
  const vendor = adapter.vendor;
  if (flags.mock && flags.baseUrl !== undefined) throw new UsageError("--mock and --base-url cannot be used together");
  const connection = connectionFor(vendor, flags);
  let mock: Mock | undefined;
  if (flags.mock) {
    mock = await startMock(vendor);
    connection.baseUrl = mock.url;
  }
  const common: CommonClientOptions = {
    ...(flags.verbose ? { logger: verboseLogger() } : {}),
    ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout }),
    ...(flags.retries === undefined ? {} : { maxRetries: flags.retries }),
    ...(flags.rateLimit === false ? { rateLimit: false } : {}),
  };
  try {
    return { reader: adapter.create(connection, common), firstPageOnly: mock !== undefined, close: async () => mock?.close() };
  } catch (error) {
    await mock?.close();
    throw error;
  }
}

/** SIGINT aborts the listing; a second one quits at once. */
function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT_CODES.interrupted);
    controller.abort(new InterruptedError("interrupted"));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

function listParams(vendor: SpecVendor, options: CommonFlags): Record<string, unknown> {
  const params = listParamsFrom(vendor, options as Record<string, unknown>);
  if (options.pageSize !== undefined) params.pageSize = options.pageSize;
  return params;
}

const write = (text: string) => process.stdout.write(text);

async function getCommand(vendor: string, id: string, flags: CommonFlags) {
  const session = await openSession(vendor, flags);
  const interrupt = interruptSignal();
  try {
    const customer = await session.reader.get(id, { signal: interrupt.signal });
    const output = flags.output ?? defaultOutput();
    if (output === "table") write(`${flags.raw ? JSON.stringify(customer.raw, null, 2) : customerTable(customer)}\n`);
    else write(`${JSON.stringify(recordOf(customer, flags.raw === true), null, output === "json" ? 2 : undefined)}\n`);
  } finally {
    interrupt.dispose();
    await session.close();
  }
}

async function listCommand(vendor: string, flags: CommonFlags) {
  const adapter = vendorAdapter(vendor);
  const params = { ...listParams(adapter.vendor, flags), ...(flags.limit === undefined ? {} : { maxItems: flags.limit }) };
  const output = flags.output ?? defaultOutput();
  const session = await openSession(vendor, flags);
  const interrupt = interruptSignal();
  try {
    if (output === "table" && !flags.raw) {
      const customers: Customer[] = [];
      for await (const page of session.reader.list({ ...params, signal: interrupt.signal }).pages()) {
        customers.push(...page.items);
        if (session.firstPageOnly) break;
      }
      write(`${customersTable(customers)}\n${customers.length} ${adapter.vendor} customers\n`);
      return;
    }
    // Piped (or --raw on a terminal): records stream out page by page, as an export to stdout does.
    const format: ExportFormat = output === "json" ? "json" : "ndjson";
    await runExport({
      reader: session.reader,
      vendor: adapter.vendor,
      listParams: params,
      format,
      raw: flags.raw === true,
      resume: false,
      force: false,
      firstPageOnly: session.firstPageOnly,
      signal: interrupt.signal,
      progress: () => ({ update() {}, stop() {} }),
    });
  } finally {
    interrupt.dispose();
    await session.close();
  }
}

interface ExportFlags extends CommonFlags {
  format: ExportFormat;
  out?: string;
  resume?: boolean;
  force?: boolean;
  limit?: number;
}

async function exportCommand(vendor: string, flags: ExportFlags) {
  const adapter = vendorAdapter(vendor);
  const params = { ...listParams(adapter.vendor, flags), ...(flags.limit === undefined ? {} : { maxItems: flags.limit }) };
  if (flags.resume && flags.force) throw new UsageError("--resume and --force cannot be used together");
  const session = await openSession(vendor, flags);
  const interrupt = interruptSignal();
  const state: ExportState = { records: 0, pages: 0 };
  const started = performance.now();
  try {
    const result = await runExport(
      {
        reader: session.reader,
        vendor: adapter.vendor,
        listParams: params,
        format: flags.format,
        raw: flags.raw === true,
        out: flags.out,
        resume: flags.resume === true,
        force: flags.force === true,
        firstPageOnly: session.firstPageOnly,
        signal: interrupt.signal,
        progress: () => exportProgress(),
      },
      state,
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const resumed = result.resumedAfter > 0 ? `, resumed after ${result.resumedAfter}` : "";
    const pages = `${result.pages} page${result.pages === 1 ? "" : "s"}`;
    process.stderr.write(
      `exported ${result.records} ${adapter.vendor} customers (${pages}${resumed}) to ${flags.out ?? "stdout"} in ${seconds} s\n`,
    );
  } catch (error) {
    if (flags.out !== undefined && !(error instanceof UsageError)) {
      const how = exitCodeFor(error) === EXIT_CODES.interrupted ? "interrupted" : "stopped";
      process.stderr.write(
        redact(
          `customer-api: ${how} after ${state.records} records (${state.pages} pages) in ${flags.out}; continue with the same command and --resume\n`,
        ),
      );
    }
    throw error;
  } finally {
    interrupt.dispose();
    await session.close();
  }
}

function vendorsCommand(flags: { output?: Output }) {
  const output = flags.output ?? defaultOutput();
  const rows = Object.values(VENDORS).map((adapter) => ({
    vendor: adapter.vendor,
    title: adapter.title,
    credentials: adapter.credentialsHelp,
    environment: Object.values(adapter.env),
    filters: listFilters[adapter.vendor]
      .filter((f) => !["paging", "connection", "pageSize"].includes((adapter.params as Record<string, string>)[f.param]!))
      .map((f) => `--${f.flag}`),
  }));
  if (output === "table") {
    write(
      `${plainTable(
        ["vendor", "name", "credentials", "filters"],
        rows.map((r) => [r.vendor, r.title, r.credentials, r.filters.join(" ") || "—"]),
        [9, 20, 44, 44],
      )}\n`,
    );
  } else if (output === "json") {
    write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const row of rows) write(`${JSON.stringify(row)}\n`);
  }
}

function environmentHelp(): string {
  const lines = Object.values(VENDORS).map((a) => `  ${a.vendor.padEnd(7)} ${Object.values(a.env).join(", ")}`);
  return `\nEnvironment (used when the flag is not given):\n${lines.join("\n")}\n\n${EXIT_CODE_HELP}\n`;
}

export function buildProgram(): Command {
  const program = new Command("customer-api")
    .description("Read, list and export customers of Homele, Pexip Engage, Shtara (Salla), Hamgam and Coax.")
    .version(typeof CLI_VERSION === "string" ? CLI_VERSION : "0.0.0")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", environmentHelp());

  program
    .command("vendors")
    .description("the supported vendors, their credentials and filters")
    .addOption(new Option("--output <kind>", "table, ndjson or json").choices(OUTPUTS))
    .action(vendorsCommand);

  addCommonOptions(program.command("get").description("one customer by id").argument("<vendor>").argument("<id>"), true)
    .addHelpText("after", environmentHelp())
    .action(getCommand);

  const list = addCommonOptions(
    program.command("list").description("customers, filtered by the vendor's own list filters").argument("<vendor>"),
    true,
  )
    .addOption(new Option("--limit <n>", "at most this many customers").argParser(positiveInteger("--limit")))
    .addOption(
      new Option("--page-size <n>", "customers per request (the vendor's page size parameter)").argParser(
        positiveInteger("--page-size"),
      ),
    );
  for (const option of filterOptions()) list.addOption(option);
  list.addHelpText("after", environmentHelp()).action(listCommand);

  const exportCmd = addCommonOptions(
    program.command("export").description("every customer to a file, page by page; resumable").argument("<vendor>"),
    false,
  )
    .addOption(
      new Option("--format <format>", "ndjson, csv or json").choices(EXPORT_FORMATS).makeOptionMandatory().helpGroup("Export:"),
    )
    .addOption(
      new Option(
        "--out <file>",
        "the output file (default: stdout); a checkpoint <file>.checkpoint.json sits beside it until the export is complete",
      ).helpGroup("Export:"),
    )
    .addOption(new Option("--resume", "continue the unfinished export in --out from its checkpoint").helpGroup("Export:"))
    .addOption(new Option("--force", "start over even though --out holds an unfinished export").helpGroup("Export:"))
    .addOption(
      new Option("--limit <n>", "at most this many customers").argParser(positiveInteger("--limit")).helpGroup("Export:"),
    )
    .addOption(
      new Option("--page-size <n>", "customers per request").argParser(positiveInteger("--page-size")).helpGroup("Export:"),
    );
  for (const option of filterOptions()) exportCmd.addOption(option);
  exportCmd.addHelpText("after", environmentHelp()).action(exportCommand);

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  for (const command of program.commands) command.exitOverride();
  // A closed pipe (`| head`) ends the output quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT_CODES.ok);
  });
  try {
    await program.parseAsync(argv);
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message; help and version are not errors.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.configuration;
    }
    const cause =
      error instanceof UsageError
        ? error
        : (error as { cause?: unknown }).cause instanceof InterruptedError
          ? (error as { cause: Error }).cause
          : error;
    process.stderr.write(`${errorLine(cause)}\n`);
    return exitCodeFor(cause);
  }
}

process.exitCode = await main(process.argv);
