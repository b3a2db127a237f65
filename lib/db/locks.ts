// Locks held until the scope's transaction ends, so that two writes checking the same state
// run one after the other, each against what the other left.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./tenant-scope";

/**
 * FOR UPDATE, unless the transaction inserts a child of the row first: the child's foreign
 * key takes KEY SHARE on the row, which FOR UPDATE waits on (and two such transactions
 * deadlock), while FOR NO KEY UPDATE does not.
 */
export type RowLockStrength = "FOR UPDATE" | "FOR NO KEY UPDATE";

/** The row's key, and any further column it must match to be locked (e.g. the writer's OPD). */
export type RowMatch = { tenantId: string; id: string } & Record<string, string>;

const COLUMN = /^[A-Za-z][A-Za-z0-9]*$/;

/** Locks one row of `table`; a row that does not match is not locked (nor reported). */
export async function lockRow(tx: Tx, table: Prisma.ModelName, match: RowMatch, strength: RowLockStrength = "FOR UPDATE"): Promise<void> {
  const conditions = Object.entries(match).map(([column, value]) => {
    if (!COLUMN.test(column)) throw new Error(`lockRow: not a column name: ${column}`);
    return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`;
  });
  await tx.$executeRaw`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.join(conditions, " AND ")} ${Prisma.raw(strength)}`;
}

/** Serialises work on something that is not one row (a city's imports, say) by its name. */
export async function lockName(tx: Tx, name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${name}))`;
}
