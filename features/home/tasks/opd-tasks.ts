// An OPD's clerk and head: their own OPD's aid and follow-ups of this fiscal year, counted
// with the filters of the aid list and the follow-up list.
import { aidFilterQuery, type AidFilter } from "@/features/aid/filters";
import { distributionWhere } from "@/features/aid/queries";
import { aidRoutes } from "@/features/aid/routes";
import { countFollowUps, followUpQuery, type FollowUpFilter } from "@/features/trainings/follow-up-list";
import { trainingsRoutes } from "@/features/trainings/routes";
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

/** The clerk's: drafts sent back to fix, hand-overs without proof, follow-ups due this month. */
export async function opdClerkTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const followUps: FollowUpFilter = { state: "open", month: context.today.slice(0, 7) };
  const scope = programmeScope(context.user);
  return Promise.all([
    aidTask(tx, context, "aidReturned", { kembali: "1" }),
    aidTask(tx, context, "aidWithoutProof", { bukti: "tanpa" }),
    countFollowUps(tx, { scope, today: context.today, filter: followUps }).then((count) => ({
      key: "followUpsDue" as const,
      count,
      href: trainingsRoutes.followUps(context.slug, followUpQuery(followUps)),
    })),
  ]);
}

/** The head's: hand-overs waiting for verification, and how many days the oldest has waited. */
export async function opdHeadTasks(tx: Tx, context: TaskContext): Promise<HomeTask[]> {
  const filter: AidFilter = { status: "DRAFT" };
  const where = distributionWhere(filter, { scope: programmeScope(context.user), fiscalYear: context.fiscalYear });
  const [count, oldest] = await Promise.all([
    tx.aidDistribution.count({ where }),
    tx.aidDistribution.findFirst({ where, select: { createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  return [
    {
      key: "aidToVerify",
      count,
      href: aidRoutes.list(context.slug, aidFilterQuery({ ...filter, tahun: context.fiscalYear })),
      ...(oldest ? { oldestDays: Math.max(0, Math.floor((context.now.getTime() - oldest.createdAt.getTime()) / DAY_MS)) } : {}),
    },
  ];
}
