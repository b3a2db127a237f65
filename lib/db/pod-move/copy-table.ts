// One table's rows of a city from one server to another: COPY … TO STDOUT on the source piped
// into COPY … FROM STDIN on the target, in PostgreSQL's binary format (the same schema on both
// sides), never held whole in this process.
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { quoteIdent } from "./catalog";

/** Streams the rows of `table` whose `keyColumn` is `key`; answers how many were written. */
export async function copyCityRows(
  source: pg.ClientBase,
  target: pg.ClientBase,
  table: string,
  columns: readonly string[],
  keyColumn: string,
  key: string,
): Promise<number> {
  const list = columns.map(quoteIdent).join(", ");
  const select = `SELECT ${list} FROM ${quoteIdent(table)} WHERE ${quoteIdent(keyColumn)} = ${source.escapeLiteral(key)}`;
  const reading = source.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`));
  const writing = target.query(copyFrom(`COPY ${quoteIdent(table)} (${list}) FROM STDIN (FORMAT binary)`));
  await pipeline(reading, writing);
  return writing.rowCount;
}
