// The realisation import's job, as the page that queued it polls (GET) and stops it (POST).
import { importRealisationsDefinition } from "@/features/budget/realisation-import";
import { tableImportTaskRoute } from "@/lib/spreadsheet/table-import-route";

export const dynamic = "force-dynamic";

const route = tableImportTaskRoute("budget", importRealisationsDefinition);
export const GET = route.GET;
export const POST = route.POST;
