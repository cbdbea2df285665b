import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, writeSync } from "node:fs";
import { UsageError } from "../exit-codes.js";
import type { PageEncoder } from "./formats.js";

/**
 * The output file of an export. Each page goes out in one write followed by the format's end
 * (json's `]`) and a flush, so the file on disk always ends at a page boundary that the
 * checkpoint can name by its byte length; anything after that length is an unfinished page.
 */
export class ExportFile {
  private constructor(
    private readonly fd: number,
    private readonly encoder: PageEncoder,
    /** Bytes of records written, not counting the end marker. */
    public bytes: number,
  ) {}

  static create(path: string, encoder: PageEncoder): ExportFile {
    const file = new ExportFile(openSync(path, "w"), encoder, 0);
    file.write(encoder.start);
    return file;
  }

  /** Reopen at a checkpoint: cut any unfinished page after `bytes`, and end the file again. */
  static resume(path: string, encoder: PageEncoder, bytes: number): ExportFile {
    const fd = openSync(path, "r+");
    const size = fstatSync(fd).size;
    if (size < bytes) {
      closeSync(fd);
      throw new UsageError(
        `${path} is shorter (${size} bytes) than its checkpoint says (${bytes}): it was changed; start over with --force`,
      );
    }
    ftruncateSync(fd, bytes);
    const file = new ExportFile(fd, encoder, bytes);
    file.write("");
    return file;
  }

  /** Append a page (already encoded) and flush it to disk. */
  write(text: string): void {
    const records = Buffer.from(text);
    const buffer = Buffer.concat([records, Buffer.from(this.encoder.end)]);
    writeSync(this.fd, buffer, 0, buffer.length, this.bytes);
    this.bytes += records.length;
    fdatasyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
