// What the cluster is made of, shared by its start script (start.mjs) and its test
// (tests/cluster): the ports, the database, the login role of the app, and the packages.
import { existsSync } from "node:fs";

/** The packages the cluster runs, from Debian: the message names them when one is missing. */
export const CLUSTER_PACKAGES = ["nginx", "pgbouncer"];

/** The app's login role through PgBouncer: a member of entas_app, acting as it from login. */
export const CLUSTER_LOGIN_ROLE = "entas_web";

/**
 * Ports from CLUSTER_PORT (default 3200): nginx on it, the two web servers on the next two,
 * PgBouncer on the one after.
 */
export function clusterPorts(env = process.env) {
  const base = Number(env.CLUSTER_PORT ?? 3200);
  if (!Number.isInteger(base) || base < 1024 || base > 65_000) throw new Error(`CLUSTER_PORT: not a port: ${env.CLUSTER_PORT}`);
  return { balancer: base, web: [base + 1, base + 2], pgbouncer: base + 3 };
}

/** The cluster's database (CLUSTER_DATABASE, default entas_cluster) on the server of DATABASE_URL. */
export function clusterDatabase(env = process.env) {
  const name = env.CLUSTER_DATABASE ?? "entas_cluster";
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("CLUSTER_DATABASE: lower-case letters, digits and _ only");
  const server = new URL(env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres");
  const direct = new URL(server);
  direct.pathname = `/${name}`;
  const pooled = new URL(direct);
  pooled.username = CLUSTER_LOGIN_ROLE;
  pooled.password = "";
  pooled.hostname = "127.0.0.1";
  pooled.port = String(clusterPorts(env).pgbouncer);
  return { name, serverUrl: server.toString(), directUrl: direct.toString(), pooledUrl: pooled.toString() };
}

const SEARCH_PATH = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", ...(process.env.PATH ?? "").split(":")];

/** The executable of a program, from the PATH or Debian's sbin (not on every user's PATH). */
export function findProgram(name) {
  for (const dir of SEARCH_PATH) {
    if (dir && existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return null;
}

/** The programs found, or a message naming the packages to install. */
export function clusterPrograms() {
  const found = Object.fromEntries(CLUSTER_PACKAGES.map((name) => [name, findProgram(name)]));
  const missing = CLUSTER_PACKAGES.filter((name) => !found[name]);
  if (missing.length === 0) return { ok: true, programs: found };
  return {
    ok: false,
    message: `The cluster test needs ${missing.join(" and ")} (not found on the PATH nor in /usr/sbin). Install Debian's packages: apt-get install -y ${CLUSTER_PACKAGES.join(" ")}`,
  };
}
