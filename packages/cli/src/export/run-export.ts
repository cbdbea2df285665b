/**
 * `customer-api export`: every page, written as it arrives (one page in memory at a time), with a
 * checkpoint after each page so that an interrupted export can be continued with `--resume`.
 *
 * Resuming: the clients' `customers.list()` always starts at the first page (the public paging
 * API has no way to start from a saved position), so a resumed export lists again and skips the
 * records the checkpoint counts, checking that the last skipped record is the one written last.
 * If the vendor's list changed in between, the export stops rather than duplicate or skip.
 */
import { existsSync } from "node:fs";
import type { Customer } from "@customer-api/core";
import { UsageError } from "../exit-codes.js";
import type { SpecVendor } from "../generated/list-filters.js";
import type { CustomersReader } from "../vendors.js";
import {
  assertSameExport,
  checkpointPath,
  type ExportIdentity,
  readCheckpoint,
  removeCheckpoint,
  writeCheckpoint,
} from "./checkpoint.js";
import { ExportFile } from "./export-file.js";
import { type ExportFormat, encoderFor } from "./formats.js";
import type { ExportProgress } from "./progress.js";

export interface ExportRun {
  reader: CustomersReader;
  vendor: SpecVendor;
  /** The `customers.list` parameters (filters and page size). */
  listParams: Record<string, unknown>;
  format: ExportFormat;
  raw: boolean;
  /** The output file; standard output when absent (then nothing can be resumed). */
  out?: string;
  resume: boolean;
  /** Start over even though an unfinished export's checkpoint is there. */
  force: boolean;
  /** Stop after the first page (a Prism mock serves its example page at every position). */
  firstPageOnly: boolean;
  signal: AbortSignal;
  /** Started once the output is ready, so a refused export draws nothing. */
  progress: () => ExportProgress;
}

export interface ExportResult {
  records: number;
  pages: number;
  /** Records skipped on resume because the file already had them. */
  resumedAfter: number;
}

/** Where the export stands; read by the interrupt handler to say how far it got. */
export interface ExportState {
  records: number;
  pages: number;
}

export async function runExport(run: ExportRun, state: ExportState = { records: 0, pages: 0 }): Promise<ExportResult> {
  const encoder = encoderFor(run.format, run.vendor, run.raw);
  const identity: ExportIdentity = { vendor: run.vendor, format: run.format, raw: run.raw, filters: run.listParams };
  const sink = run.out === undefined ? stdoutSink() : undefined;
  const checkpoint = run.out === undefined ? undefined : checkpointPath(run.out);

  let file: ExportFile | undefined;
  let toSkip = 0;
  let expectedLastId: string | null = null;
  if (run.out !== undefined && checkpoint !== undefined) {
    if (run.resume) {
      const saved = readCheckpoint(checkpoint);
      assertSameExport(checkpoint, saved, identity);
      if (!existsSync(run.out)) throw new UsageError(`${run.out} is gone but its checkpoint is there; start over with --force`);
      file = ExportFile.resume(run.out, encoder, saved.bytes);
      toSkip = saved.position.records;
      expectedLastId = saved.position.lastId;
      state.records = saved.position.records;
      state.pages = saved.position.pages;
    } else {
      if (existsSync(checkpoint) && !run.force) {
        throw new UsageError(`${run.out} is an unfinished export: continue it with --resume, or start over with --force`);
      }
      file = ExportFile.create(run.out, encoder);
      writeCheckpoint(checkpoint, identity, { pages: 0, records: 0, lastId: null }, file.bytes);
    }
  } else if (run.resume) {
    throw new UsageError("--resume needs --out FILE: an export to standard output keeps no checkpoint");
  } else {
    await sink!(encoder.start);
  }

  const resumedAfter = toSkip;
  let pagesThisRun = 0;
  const progress = run.progress();
  try {
    for await (const page of run.reader.list({ ...run.listParams, signal: run.signal }).pages()) {
      pagesThisRun++;
      let items: readonly Customer[] = page.items;
      if (toSkip > 0) {
        const skipped = Math.min(toSkip, items.length);
        toSkip -= skipped;
        if (toSkip === 0) assertSameRecord(items[skipped - 1], expectedLastId, resumedAfter);
        items = items.slice(skipped);
        if (items.length === 0) continue;
      } else if (pagesThisRun > 1 && run.firstPageOnly) {
        break;
      }
      const text = encoder.page(items, state.records === 0);
      state.records += items.length;
      state.pages++;
      if (file && checkpoint) {
        file.write(text);
        writeCheckpoint(
          checkpoint,
          identity,
          { pages: state.pages, records: state.records, lastId: items.at(-1)?.id ?? null },
          file.bytes,
        );
      } else {
        await sink!(text);
      }
      progress.update(state.records, state.pages);
      if (run.firstPageOnly) break;
    }
    if (toSkip > 0) {
      throw new UsageError(
        `the ${run.vendor} list now has fewer records than the ${resumedAfter} already exported: it changed since the checkpoint; start over with --force`,
      );
    }
  } finally {
    progress.stop();
    file?.close();
    // Standard output cannot be rewritten: its end (json's `]`) goes out once, also after an error.
    if (sink) await sink(encoder.end).catch(() => undefined);
  }
  if (checkpoint) removeCheckpoint(checkpoint);
  return { records: state.records, pages: state.pages, resumedAfter };
}

function assertSameRecord(record: Customer | undefined, expectedId: string | null, count: number): void {
  if (expectedId !== null && record?.id !== expectedId) {
    throw new UsageError(
      `record ${count} of the list is now ${record?.id ?? "missing"}, not ${expectedId} as when it was exported: the list changed since the checkpoint, so resuming would duplicate or skip records; start over with --force`,
    );
  }
}

/** Standard output with back-pressure: a slow pipe slows the listing instead of filling memory. */
function stdoutSink(): (text: string) => Promise<void> {
  return (text) =>
    new Promise<void>((resolve, reject) => {
      if (text === "") return resolve();
      if (process.stdout.write(text)) resolve();
      else {
        const onError = (error: Error) => reject(error);
        process.stdout.once("error", onError);
        process.stdout.once("drain", () => {
          process.stdout.off("error", onError);
          resolve();
        });
      }
    });
}
