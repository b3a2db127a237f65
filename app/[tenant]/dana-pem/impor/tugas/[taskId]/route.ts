// The repayment import's job, as the page that queued it polls (GET) and stops it (POST).
import { importRepaymentsDefinition } from "@/features/revolving-funds/repayment-import";
import { tableImportTaskRoute } from "@/lib/spreadsheet/table-import-route";

export const dynamic = "force-dynamic";

const route = tableImportTaskRoute("revolvingFunds", importRepaymentsDefinition);
export const GET = route.GET;
export const POST = route.POST;
