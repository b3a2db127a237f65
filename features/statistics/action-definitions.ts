// The statistics and target server actions: Bapeda only (statistics:write).
import { defineAction } from "@/lib/actions/define";
import { importStatisticsDefinition } from "@/features/statistics/import";
import { deleteStatistic, deleteTarget, saveStatistic, saveTarget } from "@/features/statistics/operations";
import { saveStatisticSchema, saveTargetSchema, statisticIdSchema, targetIdSchema } from "@/features/statistics/schemas";
import { dashboardsRoutes } from "@/features/dashboards/routes";
import { statisticsRoutes } from "@/features/statistics/routes";

export { importStatisticsDefinition };

// The poverty dashboard shows progress to the targets.
const afterWrite = (slug: string) => [statisticsRoutes.dashboard(slug), dashboardsRoutes.poverty(slug)];

export const saveStatisticDefinition = defineAction({
  name: "statistics.save",
  permission: "statistics:write",
  schema: saveStatisticSchema,
  run: (ctx, input) => saveStatistic(ctx, input),
  revalidate: afterWrite,
  successMessage: "Success.statistics.save",
});

export const deleteStatisticDefinition = defineAction({
  name: "statistics.delete",
  permission: "statistics:write",
  schema: statisticIdSchema,
  run: (ctx, input) => deleteStatistic(ctx, input),
  revalidate: afterWrite,
  successMessage: "Success.statistics.delete",
});

export const saveTargetDefinition = defineAction({
  name: "statistics.targets.save",
  permission: "statistics:write",
  schema: saveTargetSchema,
  run: (ctx, input) => saveTarget(ctx, input),
  revalidate: afterWrite,
  successMessage: "Success.statistics.targets.save",
});

export const deleteTargetDefinition = defineAction({
  name: "statistics.targets.delete",
  permission: "statistics:write",
  schema: targetIdSchema,
  run: (ctx, input) => deleteTarget(ctx, input),
  revalidate: afterWrite,
  successMessage: "Success.statistics.targets.delete",
});
