// A PostgreSQL primary and its streaming replica on this machine, made afresh in a temporary
// folder from Debian's PostgreSQL binaries: what `npm run replica` serves and what the replica
// test (tests/integration/replica-reads.test.ts) starts. The server on :5432 is not used: its
// pg_hba.conf admits no replication connection, and a test must not reconfigure it.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Debian's binaries of the newest PostgreSQL installed, or null. */
export function postgresBinaries() {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], "bin") : null;
}

// initdb and postgres refuse to run as root: as root, they run as the postgres user.
function asServerUser() {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

function runTool(bin, tool, args, user) {
  const command = user ? "runuser" : path.join(bin, tool);
  const full = user ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
  const result = spawnSync(command, full, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
}

/**
 * Starts a primary on `primaryPort` and a hot-standby replica streaming from it on
 * `replicaPort`; resolves to their URLs (database `postgres`, trust authentication on
 * 127.0.0.1) and `stop()`, which stops both and removes the folder.
 */
export function startReplicaPair({ primaryPort = 5442, replicaPort = 5443 } = {}) {
  const bin = postgresBinaries();
  if (!bin) throw new Error("PostgreSQL's server binaries are not installed (Debian: apt-get install postgresql)");
  const user = asServerUser();
  const dir = mkdtempSync(path.join(tmpdir(), "entas-replica-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const primary = path.join(dir, "primary");
  const replica = path.join(dir, "replica");
  const socketDir = dir;

  runTool(bin, "initdb", ["-D", primary, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], user);
  appendFileSync(
    path.join(primary, "postgresql.conf"),
    [
      `port = ${primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${socketDir}'`,
      "wal_level = replica",
      "max_wal_senders = 4",
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "",
    ].join("\n"),
  );
  appendFileSync(path.join(primary, "pg_hba.conf"), "host replication all 127.0.0.1/32 trust\n");
  runTool(bin, "pg_ctl", ["-D", primary, "-l", path.join(dir, "primary.log"), "-w", "start"], user);

  try {
    runTool(bin, "pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replica, "-R", "-X", "stream", "--no-sync"], user);
    const conf = path.join(replica, "postgresql.conf");
    appendFileSync(conf, [`port = ${replicaPort}`, "hot_standby = on", "hot_standby_feedback = on", ""].join("\n"));
    runTool(bin, "pg_ctl", ["-D", replica, "-l", path.join(dir, "replica.log"), "-w", "start"], user);
  } catch (error) {
    runTool(bin, "pg_ctl", ["-D", primary, "-m", "immediate", "stop"], user);
    throw error;
  }

  const stop = () => {
    for (const data of [replica, primary]) {
      try {
        runTool(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"], user);
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    dir,
    primaryUrl: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`,
    stop,
  };
}
