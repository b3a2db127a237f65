import { DISTRIBUTION_COLUMNS } from "@/features/aid/distribution-import";
import { templateRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The distribution import's template: ?format=xlsx|csv. */
export const GET = templateRoute({ page: "aid", also: "entry:write", fileName: "penyaluran-bantuan", columns: DISTRIBUTION_COLUMNS });
