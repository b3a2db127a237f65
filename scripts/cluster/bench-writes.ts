// The concurrent-writes benchmark (scripts/bench) on the cluster's database, the app's writes
// going through PgBouncer in transaction mode as the web servers' do: a small generated city
// is loaded over the direct connection, then many users at once enter aid, realise a shared
// budget line and verify, through a pool larger than PgBouncer's server connections, so that
// transactions of different users share connections. The lost-update check recounts the
// entries against what was acknowledged and against the summaries the triggers keep.
// Prints one JSON line (the result and PgBouncer's counters); exits 1 on a lost update or a
// failed write. Used by tests/cluster; by hand: `CLUSTER_PORT=… npx tsx scripts/cluster/bench-writes.ts`.
import pg from "pg";
import { openDb, openOwnerDb } from "@/lib/db";
import { scopesFor } from "@/lib/db/tenant-scope";
import { benchConcurrentWrites } from "@/scripts/bench/bench";
import { flag } from "@/scripts/bench/cli";
import { BENCH_YEAR, generateCity } from "@/scripts/bench/generate-city";
import { postgresSql } from "@/scripts/bench/sql";
import { clusterDatabase, clusterPorts } from "./cluster.mjs";

const users = Number(flag("users") ?? 40);
const perUser = Number(flag("per-user") ?? 3);
const households = Number(flag("households") ?? 200);
const database = clusterDatabase();

/** PgBouncer's own figures for the cluster's database (its admin console, as the server's user). */
async function pgbouncerStats(): Promise<{ transactions: number; serverConnections: number; clientConnections: number }> {
  const admin = new pg.Client({
    host: "127.0.0.1",
    port: clusterPorts().pgbouncer,
    database: "pgbouncer",
    user: decodeURIComponent(new URL(database.serverUrl).username || "postgres"),
  });
  await admin.connect();
  try {
    // The admin console speaks the simple protocol only.
    const stats = (await admin.query({ text: "SHOW STATS", queryMode: "simple" } as pg.QueryConfig)).rows.find((row) => row.database === database.name);
    const pools = (await admin.query({ text: "SHOW POOLS", queryMode: "simple" } as pg.QueryConfig)).rows.filter((row) => row.database === database.name);
    const sum = (key: string) => pools.reduce((total, row) => total + Number(row[key] ?? 0), 0);
    return {
      transactions: Number(stats?.total_xact_count ?? 0),
      serverConnections: sum("sv_active") + sum("sv_idle") + sum("sv_used") + sum("sv_tested") + sum("sv_login"),
      clientConnections: sum("cl_active") + sum("cl_waiting"),
    };
  } finally {
    await admin.end();
  }
}

// More app connections than PgBouncer has server connections (cluster start.mjs: 8).
process.env.DATABASE_POOL_SIZE ??= "24";
const sql = postgresSql(database.directUrl, 2);
const owner = openOwnerDb({ kind: "postgres", url: database.directUrl });
const app = openDb({ kind: "postgres", url: database.pooledUrl });
let ok = false;
try {
  const suffix = Date.now().toString(36);
  const city = await generateCity(owner.client, sql, { households, slug: `cluster-${suffix}`, tenantCode: `C${suffix}`.slice(0, 20) });
  const before = await pgbouncerStats();
  const result = await benchConcurrentWrites(
    { app: app.client, scopes: scopesFor(app.client), owner: owner.client, sql, tenantId: city.tenantId, tenantSlug: city.slug, year: BENCH_YEAR },
    users,
    perUser,
    (line) => console.error(line),
    0,
    10,
  );
  const after = await pgbouncerStats();
  const expectedWrites = users * perUser + users + users;
  ok = result.lostUpdates.ok && result.failed === 0 && result.writes === expectedWrites;
  console.log(
    JSON.stringify({
      ok,
      expectedWrites,
      result,
      pgbouncer: {
        transactions: after.transactions - before.transactions,
        serverConnections: after.serverConnections,
        poolSize: Number(process.env.DATABASE_POOL_SIZE),
      },
    }),
  );
} finally {
  await app.close();
  await owner.close();
  await sql.close();
}
process.exit(ok ? 0 : 1);
