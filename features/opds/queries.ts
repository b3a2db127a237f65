import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

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

/** Active OPDs with no active head account: nobody there can verify their entries. */
export const withoutHeadWhere = { active: true, users: { none: { role: "OPD_HEAD", active: true } } } as const satisfies Prisma.OpdWhereInput;

/** The scope's city OPDs by code, with how many users and programmes each has; only those without a head when asked. */
export function listOpds(tx: Tx, filter: { withoutHead?: boolean } = {}) {
  return tx.opd.findMany({ where: filter.withoutHead ? withoutHeadWhere : {}, select: opdSelect, orderBy: [{ active: "desc" }, { code: "asc" }] });
}

/** One OPD of the scope's city, or null. */
export function getOpd(tx: Tx, opdId: string) {
  return tx.opd.findFirst({ where: { id: opdId }, select: opdSelect });
}
