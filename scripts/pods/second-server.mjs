// A second PostgreSQL server on this machine, acting as the pod "pod2" of the pods test
// (tests/pods): Debian's cluster 15/pod2 on 127.0.0.1:5433, trusting local TCP connections as
// the main test server does. Made once, started when stopped, left as it is when it runs:
// `.ci/run` calls it as root before `npm test`.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export const SECOND_SERVER = { version: "15", cluster: "pod2", port: 5433 };
export const secondServerUrl = (database = "postgres") => `postgresql://postgres@127.0.0.1:${SECOND_SERVER.port}/${database}`;

const run = (command, args) => execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const TRUST = "host all all 127.0.0.1/32 trust";

function clusterStatus() {
  const line = run("pg_lsclusters", ["--no-header"])
    .split("\n")
    .map((row) => row.trim().split(/\s+/))
    .find(([version, cluster]) => version === SECOND_SERVER.version && cluster === SECOND_SERVER.cluster);
  return line ? { port: Number(line[2]), online: line[3] === "online" } : null;
}

export function ensureSecondServer() {
  const { version, cluster, port } = SECOND_SERVER;
  let status = clusterStatus();
  if (!status) {
    console.log(`▶ creating PostgreSQL ${version}/${cluster} on port ${port}`);
    run("pg_createcluster", [version, cluster, "--port", String(port)]);
    status = clusterStatus();
  }
  if (status?.port !== port) throw new Error(`PostgreSQL ${version}/${cluster} listens on ${status?.port}, not ${port}`);
  // pg_hba.conf is read top down: the trust line goes first, once.
  const hba = `/etc/postgresql/${version}/${cluster}/pg_hba.conf`;
  const rules = readFileSync(hba, "utf8");
  if (!rules.split("\n").some((line) => line.trim().replace(/\s+/g, " ") === TRUST)) {
    execFileSync("sed", ["-i", `1i ${TRUST}`, hba]);
    if (status.online) run("pg_ctlcluster", ["--skip-systemctl-redirect", version, cluster, "reload"]);
  }
  if (!status.online) {
    console.log(`▶ starting PostgreSQL ${version}/${cluster}`);
    run("pg_ctlcluster", ["--skip-systemctl-redirect", version, cluster, "start"]);
  }
  for (let attempt = 0; attempt < 30; attempt += 1) {
    try {
      run("pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port)]);
      return;
    } catch {
      execFileSync("sleep", ["1"]);
    }
  }
  throw new Error(`PostgreSQL ${version}/${cluster} is not ready on port ${port}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureSecondServer();
    console.log(`PostgreSQL ${SECOND_SERVER.version}/${SECOND_SERVER.cluster} ready at ${secondServerUrl()}`);
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
