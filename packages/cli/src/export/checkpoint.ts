/**
 * The small file beside an export that says how far it got: which export it belongs to (vendor,
 * filters, format) and the last complete page (pages and records written, the file's length then,
 * the last record's id). Rewritten atomically after every page the output file has flushed.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { writeFileAtomic } from "../atomic-write.js";
import { UsageError } from "../exit-codes.js";

const KIND = "customer-api export checkpoint v1";

/** What makes two exports the same export: resuming is only allowed between equal identities. */
export interface ExportIdentity {
  vendor: string;
  format: string;
  raw: boolean;
  /** The list parameters, page size included: another page size would shift every page. */
  filters: Record<string, unknown>;
}

export interface Checkpoint extends ExportIdentity {
  kind: typeof KIND;
  /** The last complete page's position: pages and records written up to and including it. */
  position: { pages: number; records: number; lastId: string | null };
  /** The output file's length after that page. */
  bytes: number;
  updatedAt: string;
}

export const checkpointPath = (out: string) => `${out}.checkpoint.json`;

export function writeCheckpoint(path: string, identity: ExportIdentity, position: Checkpoint["position"], bytes: number): void {
  const checkpoint: Checkpoint = { kind: KIND, ...identity, position, bytes, updatedAt: new Date().toISOString() };
  writeFileAtomic(path, `${JSON.stringify(checkpoint, null, 2)}\n`);
}

export function readCheckpoint(path: string): Checkpoint {
  if (!existsSync(path)) throw new UsageError(`no checkpoint at ${path}: nothing to resume (a finished export removes it)`);
  let checkpoint: Checkpoint;
  try {
    checkpoint = JSON.parse(readFileSync(path, "utf8")) as Checkpoint;
  } catch {
    throw new UsageError(`${path} is not a readable checkpoint; start over with --force`);
  }
  if (checkpoint?.kind !== KIND || typeof checkpoint.bytes !== "number" || typeof checkpoint.position?.records !== "number") {
    throw new UsageError(`${path} is not a customer-api export checkpoint; start over with --force`);
  }
  return checkpoint;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const describe = (identity: ExportIdentity) =>
  `${identity.vendor} ${identity.format}${identity.raw ? " --raw" : ""} with filters ${canonical(identity.filters)}`;

/** Refuse a checkpoint written by another export: resuming it would mix two listings in one file. */
export function assertSameExport(path: string, checkpoint: Checkpoint, identity: ExportIdentity): void {
  const saved: ExportIdentity = {
    vendor: checkpoint.vendor,
    format: checkpoint.format,
    raw: checkpoint.raw,
    filters: checkpoint.filters,
  };
  if (canonical(saved) !== canonical(identity)) {
    throw new UsageError(
      `${path} belongs to another export (${describe(saved)}), not this one (${describe(identity)}): resume with the same vendor, filters and format, or start over with --force`,
    );
  }
}

export function removeCheckpoint(path: string): void {
  rmSync(path, { force: true });
}
