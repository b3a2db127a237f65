import { REALISATION_COLUMNS } from "@/features/budget/realisation-import";
import { templateRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The empty realisation import sheet: ?format=xlsx|csv. */
export const GET = templateRoute({ page: "budget", also: "entry:write", fileName: "realisasi-anggaran", columns: REALISATION_COLUMNS });
