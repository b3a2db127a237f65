import type { Tx } from "@/lib/db";

const opdSelect = {
  id: true,
  code: true,
  name: true,
  shortName: true,
  active: true,
  decidesRegistryChanges: true,
  version: true,
  // Counted by the database, in the same query.
  _count: { select: { users: true, programmes: true } },
} as const;

export type OpdRow = Awaited<ReturnType<typeof listOpds>>[number];

/** The scope's city OPDs by code, with how many users and programmes each has. */
export function listOpds(tx: Tx) {
  return tx.opd.findMany({ select: opdSelect, orderBy: [{ active: "desc" }, { code: "asc" }] });
}

/** One OPD of the scope's city, or null. */
export function getOpd(tx: Tx, opdId: string) {
  return tx.opd.findFirst({ where: { id: opdId }, select: opdSelect });
}
