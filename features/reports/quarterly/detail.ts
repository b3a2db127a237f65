// Which programmes the report's detail tables (programmes, budget) list, on the page and in its
// print. A city of a thousand programmes made a page of over a megabyte, and Bapeda reads the
// report as a recap per OPD anyway: past DETAIL_ROWS_LIMIT programmes the detail is shown one OPD
// at a time (`?opd=`). The workbook always holds every programme.
import { searchParam, type SearchParamValue } from "@/lib/validation/search-params";
import { z } from "@/lib/validation/zod";
import { type ReportOpd, reportOpds } from "./opds";
import type { QuarterlyReportData, ReportProgramme } from "./queries";

/** The most programmes the detail tables list at once when no OPD is chosen. */
export const DETAIL_ROWS_LIMIT = 150;

export type ReportDetail =
  /** The chosen OPD's programmes, or every programme when `opd` is null. */
  | { kind: "programmes"; opd: ReportOpd | null; programmes: ReportProgramme[] }
  /** No OPD chosen and too many programmes: a note stands where the detail tables would. */
  | { kind: "perOpd"; opd: null; programmeCount: number };

const opdSchema = z.object({ opd: searchParam(z.string().max(100)) });

/** The OPD id in the URL (`?opd=`), not yet checked against the report. */
export function askedOpdId(params: Record<string, SearchParamValue>): string | null {
  return opdSchema.parse(params).opd ?? null;
}

/**
 * The detail the report shows for `opdId`: only an OPD with programmes in this report counts, so
 * an unknown id, or one of another city, shows the report as if none were chosen.
 */
export function reportDetail(data: Pick<QuarterlyReportData, "programmes">, opdId: string | null): ReportDetail {
  const opd = opdId ? reportOpds(data).find((one) => one.id === opdId) : undefined;
  if (opd) return { kind: "programmes", opd, programmes: data.programmes.filter((row) => row.opdId === opd.id) };
  if (data.programmes.length > DETAIL_ROWS_LIMIT) return { kind: "perOpd", opd: null, programmeCount: data.programmes.length };
  return { kind: "programmes", opd: null, programmes: data.programmes };
}
