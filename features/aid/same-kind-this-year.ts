// The duplicate-aid warning: has this household already received this kind
// of aid in the same year, from any OPD? Only what the clerk needs is returned — the kind,
// the date and the OPD's name — never the other OPD's items, value or recipient member.
// Entries that are themselves reversals, or that a verified reversal cancels, do not count.
import type { Tx } from "@/lib/db";
import type { AidKind, EntryStatus } from "@/lib/generated/prisma/enums";

export type EarlierAid = { kind: AidKind; distributedAt: Date; opdName: string; status: EntryStatus };

export async function sameKindThisYear(tx: Tx, options: { householdId: string; kind: AidKind; year: number }): Promise<EarlierAid[]> {
  const rows = await tx.aidDistribution.findMany({
    where: {
      householdId: options.householdId,
      kind: options.kind,
      distributedAt: { gte: new Date(Date.UTC(options.year, 0, 1)), lt: new Date(Date.UTC(options.year + 1, 0, 1)) },
      reversesId: null,
      reversedBy: { none: { status: "VERIFIED" } },
    },
    select: { kind: true, distributedAt: true, status: true, opd: { select: { name: true } } },
    orderBy: [{ distributedAt: "asc" }, { id: "asc" }],
    take: 20,
  });
  return rows.map((row) => ({ kind: row.kind, distributedAt: row.distributedAt, opdName: row.opd.name, status: row.status }));
}
