// The server Playwright tests run against: a fresh database (its own PostgreSQL database
// when DATABASE_URL is set, otherwise its own PGlite folder), migrated and seeded, and the
// app built and served in production mode. Started by playwright.config.ts.
import { spawnSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { workerArgs } from "./worker-command.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = process.env.E2E_PORT ?? "3100";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function freshPostgresDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

if (env.DATABASE_URL) {
  env.DATABASE_URL = await freshPostgresDatabase(env.DATABASE_URL, env.E2E_DATABASE ?? "entas_e2e");
} else {
  env.PGLITE_DIR = `${root}/.data/e2e`;
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}

run("npm", ["run", "--silent", "db:migrate"]);
run("npm", ["run", "--silent", "db:seed", "--", "--households", env.E2E_HOUSEHOLDS ?? "600"]);
if (!env.E2E_SKIP_BUILD) run("npx", ["next", "build"]);

const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env, stdio: "inherit" });
// On PostgreSQL the jobs (imports, scans) run in a worker process beside the server, as `npm start`
// runs them; on PGlite the server runs them itself.
const worker = env.DATABASE_URL ? spawn(process.execPath, workerArgs(), { cwd: root, env, stdio: "inherit" }) : null;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    worker?.kill(signal);
    server.kill(signal);
  });
}
server.on("exit", (code) => {
  worker?.kill("SIGTERM");
  process.exit(code ?? 0);
});
