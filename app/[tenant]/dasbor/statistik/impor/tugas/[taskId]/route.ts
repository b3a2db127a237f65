// The statistics import's job, as the page that queued it polls (GET) and stops it (POST).
import { importStatisticsDefinition } from "@/features/statistics/import";
import { tableImportTaskRoute } from "@/lib/spreadsheet/table-import-route";

export const dynamic = "force-dynamic";

const route = tableImportTaskRoute("statistics", importStatisticsDefinition);
export const GET = route.GET;
export const POST = route.POST;
