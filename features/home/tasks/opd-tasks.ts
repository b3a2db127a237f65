// An OPD's clerk and head: their own OPD's aid, trainings, follow-ups and budget of this fiscal
// year, counted with the filters of the list each card opens.
import { aidFilterQuery, type AidFilter } from "@/features/aid/filters";
import { distributionWhere } from "@/features/aid/queries";
import { aidRoutes } from "@/features/aid/routes";
import { isNearPagu } from "@/features/budget/absorption";
import { budgetOverview } from "@/features/budget/queries";
import { budgetRoutes, NEAR_PAGU_ONLY } from "@/features/budget/routes";
import { programmesBehind } from "@/features/programmes/behind";
import { listProgrammes } from "@/features/programmes/queries";
import { BEHIND_ONLY, programmesRoutes } from "@/features/programmes/routes";
import { countFollowUps, followUpQuery, type FollowUpFilter } from "@/features/trainings/follow-up-list";
import { trainingWhere } from "@/features/trainings/queries";
import { trainingsRoutes } from "@/features/trainings/routes";
import { dayToDate } from "@/lib/calendar/days";
import { programmeScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import type { HomeTask, TaskContext } from "./task";

const DAY_MS = 86_400_000;

function aidTask(tx: Tx, context: TaskContext, key: "aidReturned" | "aidWithoutProof", filter: AidFilter): Promise<HomeTask> {
  const where = distributionWhere(filter, { scope: programmeScope(context.user), fiscalYear: context.fiscalYear });
  return tx.aidDistribution.count({ where }).then((count) => ({
    key,
    count,
    href: aidRoutes.list(context.slug, aidFilterQuery({ ...filter, tahun: context.fiscalYear })),
  }));
}

/** The clerk's: drafts sent back to fix, trainings begun without attendance, follow-ups due this month, hand-overs without proof. */
export async function opdClerkTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const followUps: FollowUpFilter = { state: "open", month: context.today.slice(0, 7) };
  const scope = programmeScope(context.user);
  const noAttendance = { scope, year: context.fiscalYear, status: "no-attendance" as const, today: dayToDate(context.today) };
  return Promise.all([
    aidTask(tx, context, "aidReturned", { kembali: "1" }),
    tx.training.count({ where: trainingWhere(noAttendance) }).then((count) => ({
      key: "trainingsWithoutAttendance" as const,
      count,
      href: trainingsRoutes.list(context.slug, { tahun: context.fiscalYear, status: noAttendance.status }),
    })),
    countFollowUps(tx, { scope, today: context.today, filter: followUps }).then((count) => ({
      key: "followUpsDue" as const,
      count,
      href: trainingsRoutes.followUps(context.slug, followUpQuery(followUps)),
    })),
    aidTask(tx, context, "aidWithoutProof", { bukti: "tanpa" }),
  ]);
}

/**
 * The head's: hand-overs waiting for verification (and how many days the oldest has waited),
 * budget lines near their pagu, programmes behind the calendar. Lines and programmes are the
 * few of one OPD's year, summed by the database as the budget and programme pages sum them.
 */
export async function opdHeadTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const [toVerify, budget] = await Promise.all([aidToVerify(tx, context), budgetTasks(tx, context)]);
  return [toVerify, ...budget];
}

async function budgetTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const filter = { tenantId: context.user.tenantId, scope: programmeScope(context.user), fiscalYear: context.fiscalYear };
  const [lines, programmes] = await Promise.all([budgetOverview(tx, filter), listProgrammes(tx, filter)]);
  const [year, month] = context.today.split("-").map(Number) as [number, number];
  const tahun = context.fiscalYear;
  return [
    {
      key: "linesNearPagu",
      count: lines.filter((line) => isNearPagu(line.pagu, line.realised)).length,
      href: budgetRoutes.list(context.slug, { tahun, ...NEAR_PAGU_ONLY }),
    },
    {
      key: "programmesBehind",
      count: programmesBehind(programmes, context.fiscalYear, { year, month }).length,
      href: programmesRoutes.list(context.slug, { tahun, ...BEHIND_ONLY }),
    },
  ];
}

async function aidToVerify(tx: Tx, context: TaskContext): Promise<HomeTask> {
  // Drafts sent back wait for the clerk, not the head.
  const filter: AidFilter = { kembali: "0" };
  const where = distributionWhere(filter, { scope: programmeScope(context.user), fiscalYear: context.fiscalYear });
  const [count, oldest] = await Promise.all([
    tx.aidDistribution.count({ where }),
    tx.aidDistribution.findFirst({ where, select: { createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  return {
    key: "aidToVerify",
    count,
    href: aidRoutes.list(context.slug, aidFilterQuery({ ...filter, tahun: context.fiscalYear })),
    ...(oldest ? { oldestDays: Math.max(0, Math.floor((context.now.getTime() - oldest.createdAt.getTime()) / DAY_MS)) } : {}),
  };
}
