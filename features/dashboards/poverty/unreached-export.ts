// The unreached extreme-poor households as .xlsx/.csv, with the dashboard's filters and the
// list's (?tahun=&kecamatan=&opd=&program=&kelurahan=&desil=), in the list's order. Numbers are
// shown as every viewer sees them: the last four digits only (lib/privacy/person-view.ts).
import { cityDashboardFilters } from "@/features/dashboards/mayor-context";
import { maskNumber } from "@/lib/privacy/person-view";
import type { ExportSpec } from "@/lib/spreadsheet/export";
import { parseUnreachedListFilter, unreachedBatch, unreachedCursor, unreachedListRequirement, type UnreachedHousehold } from "./unreached";

export const unreachedExport: ExportSpec<UnreachedHousehold> = {
  page: unreachedListRequirement.page,
  also: unreachedListRequirement.also,
  lists: "people",
  entity: "UnreachedHouseholds",
  fileName: "keluarga-miskin-ekstrem-belum-terjangkau",
  pageSize: 1000,
  batch: async (tx, { user, search, after, take }) => {
    const query = Object.fromEntries(search);
    const { filters } = await cityDashboardFilters(tx, user.tenantId, query);
    return unreachedBatch(tx, filters, parseUnreachedListFilter(query), after, take);
  },
  cursor: unreachedCursor,
  householdId: (row) => row.householdId,
  columns: [
    { header: "KEPALA KELUARGA", value: (row) => row.headName },
    { header: "NO KK", type: "text", value: (row) => maskNumber(row.noKk) },
    { header: "DESIL", type: "integer", value: (row) => row.desil },
    { header: "KELURAHAN", value: (row) => row.kelurahan },
    { header: "ALAMAT", value: (row) => row.address },
    { header: "RT", type: "text", value: (row) => row.rt },
    { header: "RW", type: "text", value: (row) => row.rw },
    { header: "ANGGOTA", type: "integer", value: (row) => row.members },
  ],
};
