// A city's rows of one table, summed up so that two servers can be compared without moving the
// rows again: how many, and the sum of a 60-bit slice of each row's md5 (order does not matter).
import type pg from "pg";
import { quoteIdent } from "./catalog";

export type Fingerprint = { rows: number; hash: string };

export async function fingerprint(client: pg.ClientBase, table: string, tenantId: string): Promise<Fingerprint> {
  const { rows } = await client.query<{ rows: string; hash: string }>(
    `SELECT count(*) AS rows, coalesce(sum(('x' || left(md5(t::text), 15))::bit(60)::bigint), 0)::text AS hash
       FROM (SELECT * FROM ${quoteIdent(table)} WHERE "tenantId" = $1) t`,
    [tenantId],
  );
  return { rows: Number(rows[0]!.rows), hash: rows[0]!.hash };
}
