// The duplicate-aid warning: has this household already received this kind
// of aid in the same year, from any OPD? Only what the clerk needs is returned — the kind,
// the date and the OPD's name — never the other OPD's items, value or recipient member.
// Entries that are themselves reversals, or that a verified reversal cancels, do not count.
import type { Tx } from "@/lib/db";
import type { AidKind, EntryStatus } from "@/lib/generated/prisma/enums";

export type EarlierAid = { kind: AidKind; distributedAt: Date; opdName: string; status: EntryStatus };

/** `exceptId`, here and below: the draft being edited, which does not warn of itself. */
export async function sameKindThisYear(tx: Tx, options: { householdId: string; kind: AidKind; year: number; exceptId?: string }): Promise<EarlierAid[]> {
  const rows = await tx.aidDistribution.findMany({
    where: {
      ...(options.exceptId ? { id: { not: options.exceptId } } : {}),
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

/**
 * A premium's other side of the same warning: cover of the same member (any OPD, draft or
 * verified) sharing a month with `start` … `start + months - 1`, in any year.
 */
export async function overlappingCover(tx: Tx, options: { memberId: string; start: Date; months: number; exceptId?: string }): Promise<EarlierAid[]> {
  const end = new Date(Date.UTC(options.start.getUTCFullYear(), options.start.getUTCMonth() + options.months - 1, 1));
  const rows = await tx.aidDistribution.findMany({
    where: {
      ...(options.exceptId ? { id: { not: options.exceptId } } : {}),
      memberId: options.memberId,
      kind: "INSURANCE_PREMIUM",
      coverageStart: { lte: end },
      coverageEnd: { gte: options.start },
      reversesId: null,
      reversedBy: { none: { status: "VERIFIED" } },
    },
    select: { kind: true, distributedAt: true, status: true, opd: { select: { name: true } } },
    orderBy: [{ distributedAt: "asc" }, { id: "asc" }],
    take: 20,
  });
  return rows.map((row) => ({ kind: row.kind, distributedAt: row.distributedAt, opdName: row.opd.name, status: row.status }));
}

/** The warnings of a new hand-over: same kind to the household this year, and for a premium, the member's overlapping cover. */
export async function earlierAidOf(
  tx: Tx,
  input: {
    householdId: string;
    memberId: string | null;
    kind: AidKind;
    year: number;
    coverageStart: string | null;
    monthsCovered: number | null;
    exceptId?: string;
  },
): Promise<EarlierAid[]> {
  const { exceptId } = input;
  const [sameKind, cover] = await Promise.all([
    sameKindThisYear(tx, { householdId: input.householdId, kind: input.kind, year: input.year, exceptId }),
    input.kind === "INSURANCE_PREMIUM" && input.memberId && input.coverageStart && input.monthsCovered
      ? overlappingCover(tx, { memberId: input.memberId, start: new Date(`${input.coverageStart}-01T00:00:00Z`), months: input.monthsCovered, exceptId })
      : Promise.resolve([]),
  ]);
  const lines = new Map([...sameKind, ...cover].map((aid) => [`${aid.distributedAt.toISOString()}|${aid.opdName}|${aid.status}`, aid]));
  return [...lines.values()];
}
