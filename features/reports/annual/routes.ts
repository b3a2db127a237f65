// The URLs of the TKPK's annual report: /<city>/laporan/tahunan (the year and the download
// button) and its download, /<city>/laporan/tahunan/unduh?tahun=2024 (the .docx draft).
import { withQuery, type Query } from "@/lib/paths";

const page = (slug: string) => `/${slug}/laporan/tahunan`;

export const annualReportRoutes = {
  page: (slug: string, query?: Query) => withQuery(page(slug), query),
  /** The draft of `year` as .docx. */
  download: (slug: string, year?: number) => withQuery(`${page(slug)}/unduh`, { tahun: year }),
};
