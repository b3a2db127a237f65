// COPY … FROM STDIN into a table of the caller's transaction. Prisma has no COPY, and parsing
// rows out of a text parameter costs the server about ten times what COPY does (300,000 rows
// of a registry import: 3.5 s of CPU against 0.35 s). The transaction's own connection is
// found by its server process id among the app's pool connections (lib/db/adapter.ts) and
// confirmed by a setting only this transaction holds; the COPY then runs on it, inside the
// transaction, while Prisma waits for the caller. Where that connection cannot be found
// (PGlite, a pooler in front of the server) copyRows answers false and writes nothing: the
// caller inserts the rows another way.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { connectionsOfPid } from "./adapter";
import type { Tx } from "./tenant-scope";

export { copyField, copyFields } from "./copy-text";

/** The transaction's own pg connection, or null when it is not one of this process's pools'. */
async function connectionOf(tx: Tx): Promise<pg.PoolClient | null> {
  const token = randomUUID();
  const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid, set_config('entas.copy_session', ${token}, true)`;
  if (!row) return null;
  for (const client of connectionsOfPid(row.pid)) {
    const { rows } = await client.query<{ token: string | null }>("SELECT current_setting('entas.copy_session', true) AS token");
    if (rows[0]?.token === token) return client;
  }
  return null;
}

/**
 * Streams `lines` (COPY text format, each ending in a newline; see copyField) into `table`
 * (`columns` in order) inside the transaction. False when COPY is not available here.
 */
export async function copyRows(tx: Tx, table: string, columns: readonly string[], lines: Iterable<string>): Promise<boolean> {
  const client = await connectionOf(tx);
  if (!client) return false;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  const failed = once(stream, "error").then(([error]) => Promise.reject(error));
  failed.catch(() => undefined);
  let chunk = "";
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 256 * 1024) {
      if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), failed]);
      chunk = "";
    }
  }
  if (chunk) stream.write(chunk);
  stream.end();
  await Promise.race([once(stream, "finish"), failed]);
  return true;
}
