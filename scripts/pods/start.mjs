// The pods test's server set (tests/pods, `npm run test:pods` starts it): Entas on two
// PostgreSQL servers. The main pod is a fresh database on the server of DATABASE_URL (it holds
// the directory), pod2 a fresh database on the second server (second-server.mjs, port 5433).
// Both are migrated with the one command, Mataram is seeded on the main pod and Kupang on pod2,
// then one `next start` serves them on PODS_PORT (3410). The build in .next is reused when
// there is one (the browser tests build it). SIGINT/SIGTERM stops the server.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureSecondServer, secondServerUrl } from "./second-server.mjs";
import { podsDatabases, podsPort } from "./pods.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const log = (line) => console.log(`[pods] ${line}`);
const databases = podsDatabases();
const port = podsPort();

function run(title, command, args, env) {
  log(title);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

async function freshDatabase(serverUrl, name) {
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await server.query(`CREATE DATABASE "${name}"`);
  await server.end();
}

ensureSecondServer();
await freshDatabase(databases.main.serverUrl, databases.main.name);
await freshDatabase(secondServerUrl(), databases.pod2.name);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databases.main.url,
  DATABASE_PODS: `pod2=${databases.pod2.url}`,
};
delete env.DATABASE_DIRECT_URL;
delete env.DATABASE_REPLICA_URL;
run("migrating every pod", "npm", ["run", "--silent", "db:migrate"], env);
const households = process.env.PODS_HOUSEHOLDS ?? "150";
run("seeding Mataram on the main pod", "npm", ["run", "--silent", "db:seed", "--", "--city", "mataram", "--households", households], env);
run("seeding Kupang on pod2", "npm", ["run", "--silent", "db:seed", "--", "--city", "kupang", "--households", households, "--pod", "pod2"], env);
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) run("building the app", "npx", ["next", "build"], env);
else log("reusing the build in .next");

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production", NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url") },
});
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill("SIGTERM"));
log(`serving on http://127.0.0.1:${port}: Mataram on the main pod, Kupang on pod2`);
