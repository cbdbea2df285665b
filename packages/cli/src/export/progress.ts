import { SingleBar } from "cli-progress";

export interface ExportProgress {
  update(records: number, pages: number): void;
  stop(): void;
}

const NO_PROGRESS: ExportProgress = { update() {}, stop() {} };

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * One line on stderr, redrawn in place: records, pages, rate, elapsed. Only for a person at a
 * terminal; a pipe or a log file gets nothing (the summary line at the end says it all).
 */
export function exportProgress(stream: NodeJS.WriteStream = process.stderr): ExportProgress {
  if (!stream.isTTY) return NO_PROGRESS;
  const started = performance.now();
  const bar = new SingleBar({
    stream,
    format: "exporting {records} records | {pages} pages | {rate} records/s | {elapsed}",
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  const payload = (records: number, pages: number) => {
    const ms = performance.now() - started;
    return { records, pages, rate: ms > 0 ? Math.round((records * 1000) / ms) : 0, elapsed: clock(ms) };
  };
  bar.start(0, 0, payload(0, 0));
  return {
    update: (records, pages) => bar.update(payload(records, pages)),
    stop: () => bar.stop(),
  };
}
