// Reads for the budget pages. Scope as for programmes: OPD roles see their own OPD only.
import type { Tx } from "@/lib/db";
import { programmeWhere, type ProgrammeScope } from "@/lib/auth/scope";
import { userNames } from "@/features/users/queries";
import type { Rupiah } from "@/lib/money";
import { LINE_TOTALS, PENDING, REALISED } from "./line-entries";
import { lineTotals } from "./totals";
import { scopeTenantId } from "@/lib/db/scope-tenant";

type YearFilter = { tenantId: string; scope: ProgrammeScope; fiscalYear: number; opdId?: string | null };

const lineSelect = {
  id: true,
  fundingSource: true,
  partnerName: true,
  description: true,
  accountCode: true,
  pagu: true,
  aidMode: true,
  programme: { select: { id: true, name: true, sipdCode: true, fiscalYear: true, opd: { select: { id: true, shortName: true } } } },
} as const;

export type BudgetOverviewRow = Awaited<ReturnType<typeof budgetOverview>>[number];

/** Every budget line of the year in scope, with what it has realised (./line-entries.ts), pending drafts and its aid. */
export async function budgetOverview(tx: Tx, filter: YearFilter) {
  const programme = { fiscalYear: filter.fiscalYear, ...programmeWhere(filter.scope, filter.opdId) };
  const [lines, totals] = await Promise.all([
    tx.budgetLine.findMany({
      where: { programme },
      select: lineSelect,
      orderBy: [{ programme: { opd: { code: "asc" } } }, { programme: { name: "asc" } }, { createdAt: "asc" }],
    }),
    lineTotals(tx, { tenantId: filter.tenantId, fiscalYear: filter.fiscalYear, opdId: programme.opdId }),
  ]);
  const byLine = new Map(totals.map((row) => [row.budgetLineId, row]));
  return lines.map((line) => {
    const total = byLine.get(line.id);
    return {
      ...line,
      realised: total?.realised ?? 0n,
      pendingCount: total?.pendingCount ?? 0,
      pendingAmount: total?.pendingAmount ?? 0n,
      aidVerified: total?.aidVerified ?? 0n,
    };
  });
}

/** Drafts listed at once: the head verifies them a page at a time, the oldest first; more would outweigh the page. */
export const PENDING_PAGE = 50;

export type PendingEntry = Awaited<ReturnType<typeof pendingEntries>>[number];

/** Of the drafts, "0": those waiting for the OPD head; "1": those the head sent back to the clerk (as the aid list's `kembali`). */
export type ReturnedFilter = "0" | "1";

export function parseReturnedFilter(value: string | undefined): ReturnedFilter | undefined {
  return value === "0" || value === "1" ? value : undefined;
}

/** The drafts of the year in scope, all or (`kembali`) only those waiting for the head or only those sent back. */
export function pendingWhere(filter: YearFilter, kembali?: ReturnedFilter) {
  return {
    status: "DRAFT" as const,
    ...(kembali ? { returnedAt: kembali === "1" ? { not: null } : null } : {}),
    budgetLine: { programme: { fiscalYear: filter.fiscalYear, ...programmeWhere(filter.scope, filter.opdId) } },
  };
}

/** Drafts of the year in scope (all, or those `kembali` picks), oldest first (the first PENDING_PAGE). */
export function pendingEntries(tx: Tx, filter: YearFilter, kembali?: ReturnedFilter) {
  return tx.budgetRealisation.findMany({
    where: pendingWhere(filter, kembali),
    select: {
      id: true,
      month: true,
      amount: true,
      referenceNo: true,
      note: true,
      returnNote: true,
      reversesId: true,
      version: true,
      createdById: true,
      createdAt: true,
      budgetLine: { select: { id: true, description: true, fundingSource: true, programme: { select: { name: true, opd: { select: { shortName: true } } } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PENDING_PAGE,
  });
}

/** One budget line in scope with its programme, or null. */
export function getBudgetLine(tx: Tx, scope: ProgrammeScope, budgetLineId: string) {
  return tx.budgetLine.findFirst({ where: { id: budgetLineId, programme: programmeWhere(scope) }, select: lineSelect });
}

export type MonthRow = { month: number; realised: Rupiah; pendingAmount: Rupiah; pendingCount: number };

/** The twelve months of a line: realised and pending sums per month (./line-entries.ts), from the database. */
export async function monthlyBreakdown(tx: Tx, budgetLineId: string): Promise<MonthRow[]> {
  return tx.$queryRaw<MonthRow[]>`
    SELECT m::int AS "month",
           COALESCE(SUM(e."amount") FILTER (WHERE ${REALISED}), 0)::bigint AS "realised",
           COALESCE(SUM(e."amount") FILTER (WHERE ${PENDING}), 0)::bigint AS "pendingAmount",
           COALESCE(SUM(e."entries") FILTER (WHERE ${PENDING}), 0)::int AS "pendingCount"
      FROM generate_series(1, 12) AS m
      LEFT JOIN ${LINE_TOTALS} e ON e."tenantId" = ${scopeTenantId()} AND e."budgetLineId" = ${budgetLineId} AND e."month" = m
     GROUP BY m
     ORDER BY m`;
}

export type LineAid = Awaited<ReturnType<typeof lineAid>>[number];

/** The line's page shows this many of its newest aid entries; the aid list has them all. */
export const LINE_AID_SHOWN = 50;

/**
 * The aid recorded against a line, newest first: what was handed over, when, its value and
 * status; not to whom (the budget pages name no one). One row more than `take` tells the page
 * there is more (a food line of a large city holds thousands of hand-overs).
 */
export function lineAid(tx: Tx, budgetLineId: string, take = LINE_AID_SHOWN + 1) {
  return tx.aidDistribution.findMany({
    take,
    where: { budgetLineId },
    select: {
      id: true,
      distributedAt: true,
      kind: true,
      items: true,
      quantity: true,
      value: true,
      proofRef: true,
      partnerName: true,
      status: true,
      reversesId: true,
    },
    orderBy: [{ distributedAt: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
}

export type LineEntry = Awaited<ReturnType<typeof lineEntries>>[number];

/** A line's entries by month, each with who entered and verified it and its reversal, if any. */
export async function lineEntries(tx: Tx, budgetLineId: string) {
  const entries = await tx.budgetRealisation.findMany({
    where: { budgetLineId },
    select: {
      id: true,
      month: true,
      amount: true,
      referenceNo: true,
      note: true,
      status: true,
      reversesId: true,
      version: true,
      createdById: true,
      verifiedById: true,
      verifiedAt: true,
      returnNote: true,
      returnedAt: true,
      returnedById: true,
      createdAt: true,
      reversedBy: { select: { id: true, status: true } },
    },
    orderBy: [{ month: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const names = await userNames(
    tx,
    entries.flatMap((entry) => [entry.createdById, entry.verifiedById, entry.returnedById]),
  );
  return entries.map((entry) => ({
    ...entry,
    createdByName: entry.createdById ? (names.get(entry.createdById) ?? null) : null,
    verifiedByName: entry.verifiedById ? (names.get(entry.verifiedById) ?? null) : null,
    returnedByName: entry.returnedById ? (names.get(entry.returnedById) ?? null) : null,
    reversal: entry.reversedBy[0] ?? null,
  }));
}

/** The lines an OPD writer may enter realisation for in a year: their own OPD's. */
export function writableLines(tx: Tx, opdId: string, fiscalYear: number) {
  return tx.budgetLine.findMany({
    where: { programme: { opdId, fiscalYear } },
    select: { id: true, description: true, fundingSource: true, partnerName: true, programme: { select: { name: true } } },
    orderBy: [{ programme: { name: "asc" } }, { createdAt: "asc" }],
  });
}
