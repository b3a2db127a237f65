// `npm run cluster`: Entas as it runs on more than one machine, on this one. Two web servers
// (`next start`) behind nginx (round robin, no stickiness) and one job worker, all on one
// PostgreSQL database through PgBouncer in transaction mode. The tests of tests/cluster run
// against it (`npm run test:cluster` starts it).
//
// Before anything is served, the database (CLUSTER_DATABASE on the server of DATABASE_URL) is
// made afresh, migrated and seeded over a direct connection (DATABASE_DIRECT_URL): migrations
// need one (the schema engine's session advisory lock). The app's login role (cluster.mjs) acts as entas_app
// from login, since PgBouncer drops the startup `options` that set the role on a direct
// connection. The configurations, pid files and logs go to a temporary folder, printed at
// start; nothing is installed as a system service. The build in .next is reused when there is
// one (the browser tests build it); CLUSTER_BUILD=1 builds afresh. SIGINT/SIGTERM stops
// everything: web servers and worker first, then nginx and PgBouncer.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { CLUSTER_LOGIN_ROLE, clusterDatabase, clusterPorts, clusterPrograms } from "./cluster.mjs";
import { workerArgs } from "../worker-command.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const programs = clusterPrograms();
if (!programs.ok) {
  console.error(`\n✖ ${programs.message}\n`);
  process.exit(1);
}
const { nginx, pgbouncer } = programs.programs;
const ports = clusterPorts();
const database = clusterDatabase();
const dir = mkdtempSync(path.join(tmpdir(), "entas-cluster-"));
// nginx's workers and PgBouncer drop root; they write their temp files and logs here.
chmodSync(dir, 0o777);
const asRoot = process.getuid?.() === 0;
const log = (line) => console.log(`[cluster] ${line}`);
log(`configurations and logs in ${dir}`);

const children = [];
let stopping = false;
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

function run(title, command, args, env) {
  log(title);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}). Logs: ${dir}`);
    for (const { child } of children) child.kill("SIGTERM");
    process.exit(result.status ?? 1);
  }
}

async function createDatabase() {
  const server = new pg.Client({ connectionString: database.serverUrl });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
  await server.query(`CREATE DATABASE "${database.name}"`);
  await server.end();
}

// As an operator behind PgBouncer runs them: DATABASE_URL is the pooler, and the migration and
// the seed take DATABASE_DIRECT_URL themselves (lib/db/adapter.ts).
async function migrateAndSeed() {
  const env = { ...baseEnv, DATABASE_URL: database.pooledUrl, DATABASE_DIRECT_URL: database.directUrl };
  run("migrating (DATABASE_DIRECT_URL)", "npm", ["run", "--silent", "db:migrate"], env);
  // The login role is the server's (roles are not per database); what it acts as is set for
  // this database only.
  const owner = new pg.Client({ connectionString: database.directUrl });
  await owner.connect();
  await owner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${CLUSTER_LOGIN_ROLE}') THEN CREATE ROLE ${CLUSTER_LOGIN_ROLE} LOGIN; END IF;
    END $$`);
  await owner.query(`GRANT entas_app TO ${CLUSTER_LOGIN_ROLE}`);
  await owner.query(`ALTER ROLE ${CLUSTER_LOGIN_ROLE} IN DATABASE "${database.name}" SET role = 'entas_app'`);
  await owner.query(`ALTER ROLE ${CLUSTER_LOGIN_ROLE} IN DATABASE "${database.name}" SET statement_timeout = '15s'`);
  await owner.end();
  // One city is all the tests use; the second would only lengthen CI.
  run(
    "seeding the demo city of Mataram",
    "npm",
    ["run", "--silent", "db:seed", "--", "--city", "mataram", "--households", process.env.CLUSTER_HOUSEHOLDS ?? "200"],
    env,
  );
}

function writeConfigs() {
  const server = new URL(database.serverUrl);
  writeFileSync(path.join(dir, "userlist.txt"), `"${CLUSTER_LOGIN_ROLE}" ""\n"${decodeURIComponent(server.username || "postgres")}" ""\n`);
  // Few server connections for many clients, so that transactions of different clients
  // really share connections: state left on a session would show.
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    `[databases]
${database.name} = host=${server.hostname} port=${server.port || 5432} dbname=${database.name}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${ports.pgbouncer}
unix_socket_dir = ${dir}
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
default_pool_size = ${process.env.CLUSTER_PGBOUNCER_POOL ?? 8}
max_client_conn = 400
; node-postgres sends the role and statement timeout as startup options; in transaction mode
; they cannot follow a client, so the login role carries them (start.mjs).
ignore_startup_parameters = options,extra_float_digits
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
stats_period = 1
log_stats = 0
log_connections = 0
log_disconnections = 0
admin_users = ${decodeURIComponent(server.username || "postgres")}
`,
  );
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, `nginx-${sub}`), { recursive: true, mode: 0o777 });
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  client_max_body_size 12m;
  # Round robin, no stickiness: consecutive requests of one browser reach different servers.
  upstream entas {
    server 127.0.0.1:${ports.web[0]};
    server 127.0.0.1:${ports.web[1]};
  }
  server {
    listen 127.0.0.1:${ports.balancer};
    location / {
      proxy_pass http://entas;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
      # Which server answered, for the tests.
      add_header X-Entas-Upstream $upstream_addr always;
    }
  }
}
`,
  );
}

function start(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options });
  children.push({ name, child, order: options.order ?? 0 });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`\n✖ ${name} stopped (${code ?? signal}); stopping the cluster. Logs: ${dir}`);
    void stop(1);
  });
  return child;
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  log("stopping");
  // Web servers and the worker first (the worker finishes its running job), then the balancer
  // and the pooler they were using.
  for (const order of [0, 1]) {
    const group = children.filter((c) => c.order === order);
    for (const { child } of group) child.kill("SIGTERM");
    await Promise.race([Promise.all(group.map(({ child }) => exited(child))), new Promise((resolve) => setTimeout(resolve, 20_000))]);
    for (const { child } of group) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  log(`stopped; logs in ${dir}`);
  process.exit(code);
}

async function waitFor(url, what, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stopping) return;
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`\n✖ ${what} did not answer at ${url}`);
  await stop(1);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(0));

await createDatabase();
writeConfigs();
// Its log goes to its logfile (printed on failure), not between the servers' lines.
start("pgbouncer", pgbouncer, [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { order: 1, stdio: "ignore" });
await waitForPort(ports.pgbouncer);
await migrateAndSeed();
if (process.env.CLUSTER_BUILD === "1" || !existsSync(path.join(root, ".next", "BUILD_ID"))) run("building the app", "npx", ["next", "build"], baseEnv);
else log("reusing the build in .next (CLUSTER_BUILD=1 to build afresh)");

// Shared by both servers: a session cookie made by one is read by the other.
const appEnv = {
  ...baseEnv,
  DATABASE_URL: database.pooledUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  // nginx appends the client's address to X-Forwarded-For.
  TRUSTED_PROXY_HOPS: "1",
};
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
for (const [index, port] of ports.web.entries()) {
  start(`web server ${index + 1} (:${port})`, process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { env: appEnv });
}
start("worker", process.execPath, workerArgs(), { env: appEnv });
await Promise.all(ports.web.map((port, index) => waitFor(`http://127.0.0.1:${port}/masuk`, `web server ${index + 1}`)));

start("nginx", nginx, ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-e", path.join(dir, "nginx-error.log")], { order: 1 });
await waitFor(`http://127.0.0.1:${ports.balancer}/masuk`, "nginx");
log(
  `ready: http://127.0.0.1:${ports.balancer} (nginx) → :${ports.web.join(", :")} (next start) + 1 worker → PgBouncer :${ports.pgbouncer} (transaction mode) → ${database.name}`,
);

async function waitForPort(port) {
  const { connect } = await import("node:net");
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`\n✖ PgBouncer did not listen on ${port}; log: ${dir}/pgbouncer.log`);
  await stop(1);
}
