// The filters every dashboard shares: fiscal year, kecamatan, OPD, programme; the budget and
// results dashboards also narrow by SIPD code (a programme or kegiatan code the programmes' own
// sub-kegiatan codes start with).
// Parsed from the URL (`?tahun=2025&kecamatan=…&opd=…&program=…&sipd=1.06.04`); a malformed
// value means "no filter". The ids are only filters: the dashboard queries run inside the reader's
// tenant scope, so another city's id simply matches nothing.
import { compactCode, SIPD_GROUP_CODE } from "@/features/budget/sipd-codes";
import { z } from "@/lib/validation/zod";
import { searchParam, type SearchParamValue } from "@/lib/validation/search-params";

export type DashboardFilters = {
  year: number;
  kecamatanId: string | null;
  opdId: string | null;
  programmeId: string | null;
  /** A SIPD programme (1.06.04) or kegiatan (1.06.04.2.01) code: only programmes whose code starts with it. */
  sipdCode?: string | null;
};

const id = z.string().max(64);

const filtersSchema = z.object({
  tahun: searchParam(z.coerce.number().int().min(2000).max(2100)),
  kecamatan: searchParam(id),
  opd: searchParam(id),
  program: searchParam(id),
  sipd: searchParam(z.string().max(32).transform(compactCode).pipe(z.string().regex(SIPD_GROUP_CODE))),
});

export function parseDashboardFilters(params: Record<string, SearchParamValue>, defaultYear: number): DashboardFilters {
  const parsed = filtersSchema.parse(params);
  return {
    year: parsed.tahun ?? defaultYear,
    kecamatanId: parsed.kecamatan ?? null,
    opdId: parsed.opd ?? null,
    programmeId: parsed.program ?? null,
    sipdCode: parsed.sipd ?? null,
  };
}

/** The query string of a set of filters, for links and exports that keep them. */
export function dashboardFiltersQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams({ tahun: String(filters.year) });
  if (filters.kecamatanId) params.set("kecamatan", filters.kecamatanId);
  if (filters.opdId) params.set("opd", filters.opdId);
  if (filters.programmeId) params.set("program", filters.programmeId);
  if (filters.sipdCode) params.set("sipd", filters.sipdCode);
  return params.toString();
}
