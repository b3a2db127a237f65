// Reads for the programme pages. Every read goes through the caller's scope: OPD roles see
// their own OPD's programmes only; city-wide readers see all, or one OPD they pick.
import type { Tx } from "@/lib/db";
import { lineTotals, totalsByProgramme, emptyTotals, type Totals } from "@/features/budget/totals";
import { programmeWhere, type ProgrammeScope } from "@/lib/auth/scope";

/** Fiscal years that have programmes in scope, newest first. */
export async function programmeYears(tx: Tx, scope: ProgrammeScope, opdId?: string | null): Promise<number[]> {
  const rows = await tx.programme.groupBy({
    by: ["fiscalYear"],
    where: programmeWhere(scope, opdId),
    orderBy: { fiscalYear: "desc" },
  });
  return rows.map((row) => row.fiscalYear);
}

/** Every OPD of the city, for a city-wide reader's filter. */
export function opdChoices(tx: Tx) {
  return tx.opd.findMany({ select: { id: true, shortName: true, name: true }, orderBy: [{ active: "desc" }, { code: "asc" }] });
}

export type ProgrammeListRow = Awaited<ReturnType<typeof listProgrammes>>[number];

/** Programmes of a year in scope, each with its budget totals. */
export async function listProgrammes(tx: Tx, options: { tenantId: string; scope: ProgrammeScope; fiscalYear: number; opdId?: string | null }) {
  const where = { fiscalYear: options.fiscalYear, ...programmeWhere(options.scope, options.opdId) };
  const [programmes, totals] = await Promise.all([
    tx.programme.findMany({
      where,
      select: {
        id: true,
        name: true,
        kind: true,
        sipdCode: true,
        targetUnit: true,
        targetCount: true,
        targetExtremeCount: true,
        opd: { select: { id: true, shortName: true } },
      },
      orderBy: [{ opd: { code: "asc" } }, { name: "asc" }],
    }),
    lineTotals(tx, { tenantId: options.tenantId, fiscalYear: options.fiscalYear, opdId: where.opdId }),
  ]);
  const byProgramme = totalsByProgramme(totals);
  const rows = programmes.map((programme) => ({ ...programme, totals: byProgramme.get(programme.id) ?? emptyTotals() }));
  return rows;
}

/** One programme in scope with its OPD, or null (another OPD's programme is "not found"). */
export function getProgramme(tx: Tx, scope: ProgrammeScope, programmeId: string) {
  return tx.programme.findFirst({
    where: { id: programmeId, ...programmeWhere(scope) },
    include: { opd: { select: { id: true, shortName: true, name: true } } },
  });
}

export type BudgetLineRow = Awaited<ReturnType<typeof listProgrammeLines>>[number];

/** A programme's budget lines with their totals. */
export async function listProgrammeLines(tx: Tx, tenantId: string, programmeId: string) {
  const [lines, totals] = await Promise.all([
    tx.budgetLine.findMany({
      where: { programmeId },
      select: { id: true, fundingSource: true, partnerName: true, aidMode: true, description: true, accountCode: true, pagu: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    lineTotals(tx, { tenantId, programmeId }),
  ]);
  const byLine = new Map(totals.map((row) => [row.budgetLineId, row]));
  return lines.map((line) => {
    const total = byLine.get(line.id);
    return { ...line, realised: total?.realised ?? 0n, pendingCount: total?.pendingCount ?? 0, pendingAmount: total?.pendingAmount ?? 0n };
  });
}

export type { Totals };
