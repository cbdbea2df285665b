/**
 * Runs one exported function of a bench module in a fresh Node process and hands back what it
 * returns. Memory figures need a heap that holds nothing but the variant measured, and each paging
 * variant gets its own peak RSS.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);

/**
 * Node flags for a child whose figure is CPU time: V8 on the main thread only, as its GC and
 * compiler threads bill their CPU to the process in amounts that vary from one batch to the next.
 */
export const CPU_TIMED: readonly string[] = ["--single-threaded"];

/** `nodeFlags` go to the child's Node, e.g. {@link CPU_TIMED}. */
export function runInChild<T>(moduleUrl: string, name: string, args: unknown, nodeFlags: readonly string[] = []): Promise<T> {
  const child = fork(self, [], {
    env: { ...process.env, BENCH_CHILD: JSON.stringify({ moduleUrl, name, args }) },
    execArgv: ["--expose-gc", ...nodeFlags, "--import", "tsx"],
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
