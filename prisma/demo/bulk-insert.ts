import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tables = {
  Household: Prisma.HouseholdCreateManyInput;
  Member: Prisma.MemberCreateManyInput;
};

// PostgreSQL allows 65,535 bind parameters per statement.
const MAX_PARAMETERS = 60_000;

/**
 * `INSERT … ON CONFLICT DO NOTHING` for the two big registry tables, returned as statements
 * for `db.$transaction([...])`. Prisma's `createMany` spends about 0.5 ms of CPU per member
 * row building its query (4,000 members: 1.9 s, against 0.3 s for this), which would make a
 * 50,000-household registry take minutes. Every row must have the same keys, including
 * `updatedAt`, which has no database default.
 */
export async function insertIgnoringDuplicates<T extends keyof Tables>(db: Db, table: T, rows: readonly Tables[T][]): Promise<Prisma.PrismaPromise<number>[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const types = await columnTypes(db, table);
  const rowsPerStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const statements: Prisma.PrismaPromise<number>[] = [];

  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + rowsPerStatement).map((row) => {
      const values = columns.map((column) => {
        params.push(toParameter((row as Record<string, unknown>)[column]));
        return `$${params.length}::"${types.get(column)}"`;
      });
      return `(${values.join(", ")})`;
    });
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT DO NOTHING`;
    statements.push(db.$executeRawUnsafe(sql, ...params));
  }
  return statements;
}

const typeCache = new WeakMap<Db, Map<string, Map<string, string>>>();

/** Column → type name, for casts: parameters arrive untyped and enums will not take text. */
async function columnTypes(db: Db, table: string): Promise<Map<string, string>> {
  const perDb = typeCache.get(db) ?? new Map<string, Map<string, string>>();
  typeCache.set(db, perDb);
  const cached = perDb.get(table);
  if (cached) return cached;
  const rows = await db.$queryRawUnsafe<Array<{ column_name: string; udt_name: string }>>(
    `SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    table,
  );
  const types = new Map(rows.map((row) => [row.column_name, row.udt_name]));
  perDb.set(table, types);
  return types;
}

/** Dates as ISO strings: `date` columns keep the UTC day, `timestamp(3)` the UTC time, as Prisma does. */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
