// Runs before the cluster test: stop at once, naming what to install or start, rather than
// failing the test on a missing nginx, PgBouncer or PostgreSQL server (never skipped).
import pg from "pg";
import { clusterDatabase, clusterPrograms } from "./cluster.mjs";

const found = clusterPrograms();
if (!found.ok) {
  console.error(`\n✖ ${found.message}\n`);
  process.exit(1);
}
// PgBouncer pools a PostgreSQL server: the embedded PGlite of the other tests cannot stand in.
const { serverUrl } = clusterDatabase();
const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  await client.end();
} catch (error) {
  const where = new URL(serverUrl);
  console.error(
    `\n✖ The cluster test needs a PostgreSQL server (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres); ${where.host} answered: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exit(1);
}
console.log(`▶ cluster test uses ${Object.values(found.programs).join(" and ")}, PostgreSQL at ${new URL(serverUrl).host}`);
