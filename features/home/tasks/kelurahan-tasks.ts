// A kelurahan officer's Dana PEM: the loans of this year's fund to visit (past due) and those
// with an instalment falling due this month, counted as the fund page lists them.
import { loanFilterWhere, type LoanFilter } from "@/features/revolving-funds/queries";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";
import { dayToDate } from "@/lib/calendar/days";
import type { Tx } from "@/lib/db";
import type { HomeTask, TaskContext } from "./task";

const LOAN_TASKS = [
  { key: "loansInArrears", filter: "menunggak" },
  { key: "instalmentsDue", filter: "jatuh-tempo" },
] as const satisfies readonly { key: HomeTask["key"]; filter: LoanFilter }[];

export async function kelurahanLoanTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const today = dayToDate(context.today);
  const tahun = context.fiscalYear;
  // The session's kelurahan, never the URL's; an account without one has no fund.
  const fund = context.user.kelurahanId
    ? await tx.revolvingFund.findFirst({ where: { kelurahanId: context.user.kelurahanId, year: tahun }, select: { id: true } })
    : null;
  return Promise.all(
    LOAN_TASKS.map(async ({ key, filter }) => ({
      key,
      count: fund ? await tx.loan.count({ where: { fundId: fund.id, ...loanFilterWhere(filter, today) } }) : 0,
      href: revolvingFundsRoutes.list(context.slug, { tahun, pinjaman: filter }),
    })),
  );
}
