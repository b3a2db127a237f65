import { exportCancelRoute, exportRoute } from "@/lib/spreadsheet/routes";
import { participantExport } from "@/features/trainings/participant-export";

export const dynamic = "force-dynamic";

/** Participant lists of the training pages' scope: ?format=xlsx|csv&tahun=&opd=&pelatihan=. */
export const GET = exportRoute(participantExport);

/** Cancels the caller's own export job of this list (?tugas=). */
export const POST = exportCancelRoute(participantExport);
