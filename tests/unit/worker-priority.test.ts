// The worker process gives way to web servers on the same machine: every thread it runs,
// those started before and after it lowers its priority, runs at the worker's nice value.
import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";

/** Runs `code` in a process of its own (tsx, the project's paths) and returns the nice value of each of its threads. */
function threadNiceValues(code: string, env: Record<string, string> = {}): number[] {
  const script = `
    import { readdirSync, readFileSync } from "node:fs";
    import { Worker } from "node:worker_threads";
    ${code}
    const thread = new Worker("setTimeout(() => {}, 300)", { eval: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Field 19 of /proc/<pid>/task/<tid>/stat, counted after the command name's closing parenthesis.
    const nice = readdirSync("/proc/self/task").map((tid) => Number(readFileSync(\`/proc/self/task/\${tid}/stat\`, "utf8").split(") ")[1].split(" ")[16]));
    console.log(JSON.stringify(nice));
    await thread.terminate();
  `;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env: { ...process.env, ...env }, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").at(-1)!) as number[];
}

it.runIf(process.platform === "linux")("lowers every thread of the worker process, and the threads it starts later, to nice 10", () => {
  const nice = threadNiceValues(`const { lowerProcessPriority } = await import("@/lib/jobs/process-priority"); lowerProcessPriority();`, {
    WORKER_NICE: "",
  });
  expect(nice.length).toBeGreaterThan(3);
  expect(new Set(nice)).toEqual(new Set([10]));
});

it.runIf(process.platform === "linux")("keeps the priority with WORKER_NICE=0", () => {
  const nice = threadNiceValues(`const { lowerProcessPriority } = await import("@/lib/jobs/process-priority"); lowerProcessPriority();`, {
    WORKER_NICE: "0",
  });
  expect(new Set(nice)).toEqual(new Set([0]));
});
