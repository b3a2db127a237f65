// A worker process beside web servers on one machine gives way to them: a registry import
// holds a core for a minute, and another city's pages must not wait behind it. Linux keeps a
// nice value per thread, so every thread running now is lowered; threads started later (the
// parse thread, libuv's pool) inherit it from the thread that starts them.
import { readdirSync } from "node:fs";
import os from "node:os";

/** The nice value a worker process runs at unless WORKER_NICE says otherwise (0 keeps it as it is). */
export const WORKER_NICE = 10;

/** Lowers this process's priority to `nice` (never raises it). Returns the threads lowered. */
export function lowerProcessPriority(nice: number = niceFromEnv()): number {
  if (!Number.isInteger(nice) || nice <= 0) return 0;
  const target = Math.min(nice, 19);
  let threads: number[] = [];
  try {
    threads = readdirSync("/proc/self/task").map(Number);
  } catch {
    // No /proc (macOS, Windows): the process's own priority is all there is.
  }
  let lowered = 0;
  for (const id of threads.length ? threads : [0]) {
    try {
      if (os.getPriority(id) < target) os.setPriority(id, target);
      lowered += 1;
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return lowered;
}

function niceFromEnv(): number {
  const value = process.env.WORKER_NICE?.trim();
  return value ? Number(value) : WORKER_NICE;
}
