// `npm start`: the newcomer's one command. Installs what is missing, generates the Prisma
// client, migrates and (if empty) seeds the database, builds, and serves on port 3000 with
// the job workers beside it (on PostgreSQL; on PGlite the server runs the jobs itself).
// Uses only Node built-ins, because on a fresh clone nothing else is installed yet.
//
// Each step is a separate process that finishes before the next starts: the embedded
// PGlite database is single-process, so no two steps may hold its folder at once.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { workerArgs } from "./worker-command.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function needsInstall() {
  const marker = `${root}/node_modules/.package-lock.json`;
  if (!existsSync(marker)) return true;
  return statSync(`${root}/package-lock.json`).mtimeMs > statSync(marker).mtimeMs;
}

if (needsInstall()) run("Memasang dependensi (npm ci)", "npm", ["ci"]);
run("Membuat Prisma Client", "npm", ["run", "--silent", "db:generate"]);
run("Menerapkan migrasi basis data", "npm", ["run", "--silent", "db:migrate"]);
run("Mengisi data demo (bila basis data kosong)", "npm", ["run", "--silent", "db:seed", "--", "--if-empty"]);
if (!process.argv.includes("--no-build")) run("Membangun aplikasi", "npx", ["next", "build"]);

const database = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "PGlite tertanam di .data/pglite";
console.log(`
Entas berjalan di http://localhost:${port}
  Basis data: ${database}
  Pekerjaan latar (impor, pembersihan): ${env.DATABASE_URL ? `${Number(env.JOBS_WORKERS ?? 1)} proses pekerja` : "di dalam server (PGlite)"}
  Kota demo: http://localhost:${port}/mataram dan http://localhost:${port}/kupang
  Akun demo: daftar di atas, atau README.md (bagian "Demo accounts").
Tekan Ctrl+C untuk berhenti.
`);

// On PostgreSQL the web server does no import itself (the workers do), and its heap is capped so
// that V8 collects before the process passes 512 MB: uncapped, a walk through every page of
// every role left it at 640 MB, with peaks over 1 GB, of garbage not yet collected. On PGlite
// the server runs the jobs too, and keeps Node's own limit.
// Two malloc arenas instead of glibc's eight per core: the memory outside V8's heap (response
// buffers, compression) then stays in fewer, fuller arenas. After a walk through every page of
// every role the server held 514 MB instead of 565 MB.
const webHeapMb = Number(env.WEB_MEMORY_MB ?? 320);
const serverEnv = env.DATABASE_URL
  ? { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2", NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${webHeapMb}`.trim() }
  : env;
const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env: serverEnv, stdio: "inherit" });
// Each worker is a process of its own with a heap limit: a job that outgrows it ends that
// worker, not the web server, and its job is retried or failed by the next one.
const workerCount = env.DATABASE_URL ? Number(env.JOBS_WORKERS ?? 1) : 0;
const heapMb = Number(env.JOBS_WORKER_MEMORY_MB ?? 2048);
let stopping = false;
const workers = [];
function startWorker(slot) {
  const worker = spawn(process.execPath, workerArgs({ heapMb }), { cwd: root, env, stdio: "inherit" });
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`Pekerja ${slot + 1} berhenti (${code ?? signal}); dimulai lagi.`);
    setTimeout(() => startWorker(slot), 2_000);
  });
  workers[slot] = worker;
}
for (let slot = 0; slot < workerCount; slot += 1) startWorker(slot);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    for (const child of [server, ...workers]) child.kill(signal);
  });
}
server.on("exit", (code) => {
  stopping = true;
  for (const worker of workers) worker.kill("SIGTERM");
  process.exit(code ?? 0);
});
