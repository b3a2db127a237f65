import { REPAYMENT_COLUMNS } from "@/features/revolving-funds/repayment-import";
import { templateRoute } from "@/lib/spreadsheet/routes";

export const dynamic = "force-dynamic";

/** The empty repayment import sheet: ?format=xlsx|csv. */
export const GET = templateRoute({ page: "revolvingFunds", also: "revolving-fund:write", fileName: "pembayaran-dana-pem", columns: REPAYMENT_COLUMNS });
