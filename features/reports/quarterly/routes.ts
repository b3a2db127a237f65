// The URLs of the quarterly report on extreme poverty (Inpres 4/2022): the page, its print
// view and its files, each taking the period as `?tahun=2026&triwulan=3`.
import { withQuery, type Query } from "@/lib/paths";

const report = (slug: string) => `/${slug}/laporan/triwulan`;

export const quarterlyReportRoutes = {
  report: (slug: string, query?: Query) => withQuery(report(slug), query),
  print: (slug: string, query?: Query) => withQuery(`${report(slug)}/cetak`, query),
  /** The report's tables as one .xlsx. */
  workbook: (slug: string, query?: Query) => withQuery(`${report(slug)}/ekspor`, query),
  /** The by-name annex: the households reached, numbers masked (readers of personal data only). */
  annex: (slug: string, query?: Query) => withQuery(`${report(slug)}/lampiran`, query),
};
