/**
 * Which CPU the bench's CPU-timed processes run on, and keeping their helpers off it. Its own
 * module, free of side effects: a bench child imports `child.ts`, which runs a job when loaded.
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";

/**
 * The CPU pinned children run on: the last, away from CPU 0 where the kernel's own work lands.
 * Undefined where `taskset` (util-linux) does not run. The machine's CPUs, not the process's: a
 * pinned process's own helpers need the answer too.
 */
let pinnedCpu: number | null | undefined;
export function benchCpu(): number | undefined {
  if (pinnedCpu === undefined) {
    const last = cpus().length - 1;
    const probe = spawnSync("taskset", ["-c", String(last), process.execPath, "-e", "0"]);
    pinnedCpu = last > 0 && probe.status === 0 ? last : null;
  }
  return pinnedCpu ?? undefined;
}

/** `fork()` options that start Node with `execArgv` on the machine's CPUs in `cpuList` (all when undefined). */
function onCpus(cpuList: string | undefined, execArgv: readonly string[]): { execPath?: string; execArgv: string[] } {
  // fork() runs `execPath ...execArgv script`: taskset starts Node with the same arguments.
  if (cpuList === undefined) return { execArgv: [...execArgv] };
  return { execPath: "taskset", execArgv: ["-c", cpuList, process.execPath, ...execArgv] };
}

/** `fork()` options for a CPU-timed child: on the bench CPU. */
export function onBenchCpu(execArgv: readonly string[]): { execPath?: string; execArgv: string[] } {
  const cpu = benchCpu();
  return onCpus(cpu === undefined ? undefined : String(cpu), execArgv);
}

/**
 * `fork()` options for a helper process (a server): off the bench CPU. A child inherits its
 * parent's CPU, and a server on the client's CPU would take turns with it.
 */
export function offBenchCpu(execArgv: readonly string[]): { execPath?: string; execArgv: string[] } {
  const cpu = benchCpu();
  return onCpus(cpu === undefined ? undefined : `0-${cpu - 1}`, execArgv);
}
