import { templateRoute } from "@/lib/spreadsheet/routes";
import { PARTICIPANT_COLUMNS } from "@/features/trainings/participant-import";

export const dynamic = "force-dynamic";

/** The empty participant import sheet: ?format=xlsx|csv. */
export const GET = templateRoute({ page: "trainings", also: "entry:write", fileName: "peserta-pelatihan", columns: PARTICIPANT_COLUMNS });
