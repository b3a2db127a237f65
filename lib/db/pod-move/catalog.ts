// What a city is made of, read from the database's own catalog: every table with a "tenantId"
// column, in foreign-key order, so that no new table is ever left behind by a move.
import type pg from "pg";

export type CityTable = {
  name: string;
  /** The columns a copy writes: all but the generated ones, in table order. */
  columns: string[];
  /** Columns filled from a sequence (AuditLog.id): the target's sequence must pass the copied values. */
  sequenced: string[];
  /**
   * The main pod keeps these rows for the cities of every pod (the sign-in directory): a move
   * neither copies them onto the main pod nor deletes them from it.
   */
  directory: boolean;
};

const DIRECTORY_TABLES: ReadonlySet<string> = new Set(["SignInDirectory"]);

/** A table without "tenantId" whose rows point at a city's rows (RateLimit → User): they go with them. */
export type Dependent = { table: string; columns: string[]; parent: string; parentColumns: string[] };

export type CityCatalog = {
  /** Parents before children; "Tenant" is not among them. */
  tables: CityTable[];
  dependents: Dependent[];
};

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function readCityCatalog(client: pg.ClientBase): Promise<CityCatalog> {
  const { rows: columnRows } = await client.query<{ table: string; column: string; generated: boolean; sequenced: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL AS sequenced
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenantId' AND NOT t.attisdropped)
      ORDER BY c.relname, a.attnum`,
  );
  const byName = new Map<string, CityTable>();
  for (const row of columnRows) {
    const table = byName.get(row.table) ?? { name: row.table, columns: [], sequenced: [], directory: DIRECTORY_TABLES.has(row.table) };
    if (!row.generated) table.columns.push(row.column);
    if (row.sequenced) table.sequenced.push(row.column);
    byName.set(row.table, table);
  }

  const { rows: keys } = await client.query<{ child: string; parent: string; columns: string[]; parentColumns: string[] }>(
    `SELECT ch.relname AS child, pa.relname AS parent,
            array(SELECT attname FROM unnest(k.conkey) WITH ORDINALITY u(num, i) JOIN pg_attribute ON attrelid = k.conrelid AND attnum = u.num ORDER BY u.i)::text[] AS columns,
            array(SELECT attname FROM unnest(k.confkey) WITH ORDINALITY u(num, i) JOIN pg_attribute ON attrelid = k.confrelid AND attnum = u.num ORDER BY u.i)::text[] AS "parentColumns"
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );
  const dependents = keys
    .filter((key) => !byName.has(key.child) && key.child !== "Tenant" && byName.has(key.parent))
    .map((key) => ({ table: key.child, columns: key.columns, parent: key.parent, parentColumns: key.parentColumns }));
  const edges = keys.filter((key) => byName.has(key.child) && byName.has(key.parent) && key.child !== key.parent);
  return { tables: inForeignKeyOrder([...byName.values()], edges), dependents };
}

/** Parents before children (Kahn's order, by name among equals); a cycle of keys is refused. */
export function inForeignKeyOrder<T extends { name: string }>(tables: T[], edges: { child: string; parent: string }[]): T[] {
  const parentsLeft = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const edge of edges) parentsLeft.get(edge.child)?.add(edge.parent);
  const ordered: T[] = [];
  const left = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (left.length > 0) {
    const at = left.findIndex((table) => parentsLeft.get(table.name)?.size === 0);
    if (at < 0) throw new Error(`foreign keys form a cycle among ${left.map((table) => table.name).join(", ")}`);
    const [next] = left.splice(at, 1);
    ordered.push(next!);
    for (const parents of parentsLeft.values()) parents.delete(next!.name);
  }
  return ordered;
}
