import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";

/**
 * Replace `file` with `text` so that a reader (or a crash) sees the old content or the new one,
 * never half of either: write a temporary file beside it, flush it to disk, then rename over.
 */
export function writeFileAtomic(file: string, text: string, mode = 0o644): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
