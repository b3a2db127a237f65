// Reads for the kelurahan officer's Dana PEM pages. Each runs inside the
// city's scope and takes the kelurahan from the session user (scope.ts).
import { loadKelurahanLabel } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import { scopeTenantId } from "@/lib/db/scope-tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AGEING_BUCKETS, type AgeingBucket } from "./arrears";
import { findOwnLoan, fundKelurahanId, type FundUser } from "./scope";
import { keyPageOf, type KeyCursor, type KeyPage } from "@/lib/paging/key-page";

/** The officer's funds, newest year first. */
export function ownFunds(tx: Tx, user: FundUser) {
  return tx.revolvingFund.findMany({ where: { kelurahanId: fundKelurahanId(user) }, orderBy: { year: "desc" }, select: { id: true, year: true } });
}

/** A fund with its capital and its kelurahan's label. */
export async function fundWithCapital(tx: Tx, fundId: string) {
  const [fund, kelurahanLabel] = await Promise.all([
    tx.revolvingFund.findFirstOrThrow({ where: { id: fundId }, include: { capitals: { orderBy: { receivedAt: "asc" } } } }),
    loadKelurahanLabel(tx),
  ]);
  return { ...fund, kelurahanLabel: kelurahanLabel(fund.kelurahanId) };
}

/** Loans on one page of the fund's list; the list is paged by key (lib/paging/key-page.ts). */
export const LOAN_PAGE_SIZE = 50;

/** The loan list's narrowing (`?pinjaman=`): running loans past due, or falling due later this month. */
export const LOAN_FILTERS = ["menunggak", "jatuh-tempo"] as const;
export type LoanFilter = (typeof LOAN_FILTERS)[number];

export function parseLoanFilter(value: string | undefined): LoanFilter | undefined {
  return LOAN_FILTERS.find((filter) => filter === value);
}

/** The loans a narrowing holds on `today` (the city's, a UTC midnight). */
export function loanFilterWhere(filter: LoanFilter | undefined, today: Date): Prisma.LoanWhereInput {
  if (filter === "menunggak") return { status: "DISBURSED", nextDueDate: { lt: today } };
  if (filter === "jatuh-tempo") {
    const nextMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
    return { status: "DISBURSED", nextDueDate: { gte: today, lt: nextMonth } };
  }
  return {};
}

const loanRowSelect = {
  id: true,
  round: true,
  borrowerName: true,
  borrowerNik: true,
  isYouth: true,
  businessType: true,
  principal: true,
  principalRepaid: true,
  tenorMonths: true,
  status: true,
  disbursedAt: true,
  nextDueDate: true,
  memberId: true,
  createdAt: true,
} as const satisfies Prisma.LoanSelect;

export type LoanListRow = Prisma.LoanGetPayload<{ select: typeof loanRowSelect }>;

/**
 * One page of a fund's loans, latest round first and newest first within it (round, created,
 * id, all descending), narrowed as asked, with how many the narrowing finds in all.
 */
export async function fundLoanPage(
  tx: Tx,
  fundId: string,
  narrowing: { filter?: LoanFilter; today: Date; cursor?: KeyCursor; size?: number },
): Promise<KeyPage<LoanListRow>> {
  const size = narrowing.size ?? LOAN_PAGE_SIZE;
  const cursor = narrowing.cursor ?? {};
  const where: Prisma.LoanWhereInput = { fundId, ...loanFilterWhere(narrowing.filter, narrowing.today) };
  const cursorId = cursor.after ?? cursor.before;
  const at = cursorId ? await tx.loan.findFirst({ where: { AND: [where, { id: cursorId }] }, select: { id: true, round: true, createdAt: true } }) : null;
  const backwards = Boolean(at && !cursor.after);
  const beyond = backwards ? "gt" : "lt";
  const keyset: Prisma.LoanWhereInput = at
    ? {
        OR: [
          { round: { [beyond]: at.round } },
          { round: at.round, createdAt: { [beyond]: at.createdAt } },
          { round: at.round, createdAt: at.createdAt, id: { [beyond]: at.id } },
        ],
      }
    : {};
  const order = backwards ? "asc" : "desc";
  const [found, total] = await Promise.all([
    tx.loan.findMany({
      where: { AND: [where, keyset] },
      orderBy: [{ round: order }, { createdAt: order }, { id: order }],
      take: size + 1,
      select: loanRowSelect,
    }),
    tx.loan.count({ where }),
  ]);
  return keyPageOf(found, { size, total, backwards, cursorFound: Boolean(at), cursorAsked: Boolean(cursorId) });
}

type AgeingRow = { bucket: AgeingBucket; loans: number; outstanding: bigint };

/** Outstanding principal of running loans by days past due, as of `today`. */
export async function fundAgeing(tx: Tx, fundId: string, today: Date): Promise<AgeingRow[]> {
  const rows = await tx.$queryRaw<AgeingRow[]>`
    SELECT CASE
        WHEN "nextDueDate" IS NULL OR "nextDueDate" >= ${today}::date THEN 'current'
        WHEN ${today}::date - "nextDueDate" <= 30 THEN 'd1_30'
        WHEN ${today}::date - "nextDueDate" <= 60 THEN 'd31_60'
        WHEN ${today}::date - "nextDueDate" <= 90 THEN 'd61_90'
        ELSE 'd90_plus' END AS bucket,
      COUNT(*)::int AS loans, SUM("principal" - "principalRepaid")::bigint AS outstanding
    FROM "Loan" WHERE "tenantId" = ${scopeTenantId()} AND "fundId" = ${fundId} AND "status" = 'DISBURSED'
    GROUP BY 1`;
  return AGEING_BUCKETS.map((bucket) => rows.find((row) => row.bucket === bucket) ?? { bucket, loans: 0, outstanding: 0n });
}

type RoundRow = { round: number; loans: number; disbursed: bigint; open: number };

/** Lending rounds (tahap): a round is complete when it lent something and none of its loans is still running or waiting. */
export async function fundRounds(tx: Tx, fundId: string) {
  const rows = await tx.$queryRaw<RoundRow[]>`
    SELECT "round", COUNT(*) FILTER (WHERE "status" IN ('DISBURSED', 'REPAID', 'WRITTEN_OFF'))::int AS loans,
      COALESCE(SUM("principal") FILTER (WHERE "status" IN ('DISBURSED', 'REPAID', 'WRITTEN_OFF')), 0)::bigint AS disbursed,
      COUNT(*) FILTER (WHERE "status" IN ('PROPOSED', 'APPROVED', 'DISBURSED'))::int AS open
    FROM "Loan" WHERE "tenantId" = ${scopeTenantId()} AND "fundId" = ${fundId} AND "status" <> 'REJECTED'
    GROUP BY "round" ORDER BY "round"`;
  return rows.map((row) => ({ ...row, complete: row.loans > 0 && row.open === 0 }));
}

export async function loanDetail(tx: Tx, user: FundUser, loanId: string) {
  const loan = await findOwnLoan(tx, user, loanId);
  const [installments, repayments, kelurahanLabel, approver] = await Promise.all([
    tx.loanInstallment.findMany({ where: { loanId: loan.id }, orderBy: { seq: "asc" } }),
    tx.repayment.findMany({ where: { loanId: loan.id }, orderBy: [{ paidAt: "asc" }, { createdAt: "asc" }] }),
    loadKelurahanLabel(tx),
    loan.approvedById ? tx.user.findFirst({ where: { id: loan.approvedById }, select: { name: true } }) : null,
  ]);
  // Loans approved before approval was a signed-in act keep the name that was typed then.
  const approverName = approver?.name ?? loan.approvedByName ?? null;
  return { loan, installments, repayments, kelurahanLabel: kelurahanLabel(loan.fund.kelurahanId), approverName };
}

/**
 * Registry members of the officer's kelurahan by name, for the loan form. The search is a
 * GET form, so it takes no numbers: a NIK, whole or in part, would land in the URL, and a
 * prefix would list the NIKs that begin with it.
 */
export function memberCandidates(tx: Tx, user: FundUser, query: string) {
  const text = query.trim();
  if (text.length < 3 || /\d/.test(text)) return Promise.resolve([]);
  return tx.member.findMany({
    where: { household: { kelurahanId: fundKelurahanId(user) }, name: { contains: text, mode: "insensitive" as const } },
    orderBy: { name: "asc" },
    take: 10,
    select: { id: true, nik: true, name: true, birthDate: true, household: { select: { noKk: true, address: true } } },
  });
}
