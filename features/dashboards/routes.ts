// The URLs of the dashboards: /<city>/dasbor/kemiskinan, anggaran, hasil and dana-pem.
// Each takes the filters as `query` (tahun, kecamatan, opd, program); its export takes
// them beside the table and the format.
import { withQuery, type Query } from "@/lib/paths";

const poverty = (slug: string) => `/${slug}/dasbor/kemiskinan`;
const budget = (slug: string) => `/${slug}/dasbor/anggaran`;
const results = (slug: string) => `/${slug}/dasbor/hasil`;
const revolvingFunds = (slug: string) => `/${slug}/dasbor/dana-pem`;

export const dashboardsRoutes = {
  poverty: (slug: string, query?: Query) => withQuery(poverty(slug), query),
  povertyExport: (slug: string) => `${poverty(slug)}/ekspor`,
  /** The unreached extreme-poor households as a file: the dashboard's filters, kelurahan and desil in `query`. */
  unreachedExport: (slug: string) => `${poverty(slug)}/belum-terjangkau/ekspor`,
  /** One kelurahan's unreached households as a printed visiting list (?kelurahan= is required). */
  unreachedPrint: (slug: string, query?: Query) => withQuery(`${poverty(slug)}/belum-terjangkau/cetak`, query),
  budget: (slug: string, query?: Query) => withQuery(budget(slug), query),
  budgetExport: (slug: string) => `${budget(slug)}/ekspor`,
  results: (slug: string, query?: Query) => withQuery(results(slug), query),
  resultsExport: (slug: string) => `${results(slug)}/ekspor`,
  revolvingFunds: (slug: string, query?: Query) => withQuery(revolvingFunds(slug), query),
  revolvingFundsExport: (slug: string) => `${revolvingFunds(slug)}/ekspor`,
};
