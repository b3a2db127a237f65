// The participant import's job, as the page that queued it polls (GET) and stops it (POST).
import { importParticipantsDefinition } from "@/features/trainings/participant-import";
import { tableImportTaskRoute } from "@/lib/spreadsheet/table-import-route";

export const dynamic = "force-dynamic";

const route = tableImportTaskRoute("trainings", importParticipantsDefinition);
export const GET = route.GET;
export const POST = route.POST;
