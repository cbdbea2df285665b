/**
 * Runs one exported function of a bench module in a fresh Node process and hands back what it
 * returns. Memory figures need a heap that holds nothing but the variant measured, and each paging
 * variant gets its own peak RSS.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { onBenchCpu } from "./cpu-pinning.js";

const self = fileURLToPath(import.meta.url);

/** How a child's Node starts. */
export interface ChildSetup {
  nodeFlags: readonly string[];
  /** Run the child on the machine's last CPU only (`taskset`), where it exists. */
  pinned: boolean;
}

/**
 * A child whose figure is CPU time. `--single-threaded`: V8 on the main thread only, as its GC and
 * compiler threads bill their CPU to the process in amounts that vary from one batch to the next.
 * Pinned to the last CPU, away from CPU 0 where the kernel's own work and the shell land: on this
 * 2-CPU VM a process pinned to CPU 0 ran its whole life at half speed in 3 of 8 tries, one pinned
 * to CPU 1 in none of 20. Slow stretches reach CPU 1 too, more rarely (overhead.ts runs such a
 * process again).
 */
export const CPU_TIMED: ChildSetup = { nodeFlags: ["--single-threaded"], pinned: true };

const UNPINNED: ChildSetup = { nodeFlags: [], pinned: false };

export function runInChild<T>(moduleUrl: string, name: string, args: unknown, setup: ChildSetup = UNPINNED): Promise<T> {
  const execArgv = ["--expose-gc", ...setup.nodeFlags, "--import", "tsx"];
  const child = fork(self, [], {
    env: { ...process.env, BENCH_CHILD: JSON.stringify({ moduleUrl, name, args }) },
    ...(setup.pinned ? onBenchCpu(execArgv) : { execArgv }),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.once("message", (m: { result?: T; error?: string }) => {
      settled = true;
      if (m.error !== undefined) reject(new Error(`${name} in a child process: ${m.error}`));
      else resolve(m.result as T);
    });
    child.once("exit", (code) => {
      if (!settled) reject(new Error(`${name} in a child process exited with ${code} before answering`));
    });
  });
}

async function main(job: { moduleUrl: string; name: string; args: unknown }): Promise<void> {
  try {
    const module = (await import(job.moduleUrl)) as Record<string, (args: unknown) => Promise<unknown>>;
    const result = await module[job.name]!(job.args);
    process.send!({ result }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: (error as Error)?.stack ?? String(error) }, () => process.exit(1));
  }
}

// No top-level await: the module run here imports this one, and would wait for it forever.
if (process.env.BENCH_CHILD) void main(JSON.parse(process.env.BENCH_CHILD));
