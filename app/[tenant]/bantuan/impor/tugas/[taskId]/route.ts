// The aid import's job, as the page that queued it polls (GET) and stops it (POST).
import { importDistributionsDefinition } from "@/features/aid/distribution-import";
import { tableImportTaskRoute } from "@/lib/spreadsheet/table-import-route";

export const dynamic = "force-dynamic";

const route = tableImportTaskRoute("aid", importDistributionsDefinition);
export const GET = route.GET;
export const POST = route.POST;
