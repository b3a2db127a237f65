// "Who to reach next" of one programme as .xlsx/.csv, in rank order, with the page's area
// filters (?kecamatan=, ?kelurahan=). Another OPD's programme is "not found", as on the page.
import { notFound } from "@/lib/errors";
import { getProgramme } from "@/features/programmes/queries";
import { programmeScope } from "@/lib/auth/scope";
import type { RegistryRow } from "@/features/registry/search/search-households";
import type { ExportSpec } from "@/lib/spreadsheet/export";
import { targetHouseholdsPage } from "@/features/programmes/target-households/target-households";
import { parseTargetHouseholdsFilter } from "@/features/programmes/target-households/schema";

export const targetHouseholdsExport: ExportSpec<RegistryRow> = {
  page: "programmes",
  lists: "people",
  entity: "TargetHouseholds",
  fileName: "sasaran-berikutnya",
  pageSize: 500,
  batch: async (tx, { user, params, search, after, take }) => {
    const programme = await getProgramme(tx, programmeScope(user), String(params.programmeId ?? ""));
    if (!programme) throw notFound("Program");
    const filter = { ...parseTargetHouseholdsFilter(Object.fromEntries(search)), after: after ?? undefined };
    const page = await targetHouseholdsPage(tx, filter, { tenantId: user.tenantId, fiscalYear: programme.fiscalYear, pageSize: take, withCount: false });
    return page.rows;
  },
  cursor: (row) => row.id,
  householdId: (row) => row.id,
  columns: [
    { header: "KEPALA KELUARGA", value: (row) => row.headName },
    { header: "NO KK", type: "text", value: (row) => row.noKkMasked },
    { header: "MISKIN EKSTREM", value: (row) => (row.isExtremePoor ? "YA" : "TIDAK") },
    { header: "DESIL", type: "integer", value: (row) => row.desil },
    { header: "KECAMATAN", value: (row) => row.kecamatan },
    { header: "KELURAHAN", value: (row) => row.kelurahan },
    { header: "ALAMAT", value: (row) => row.address },
    { header: "RT", type: "text", value: (row) => row.rt },
    { header: "RW", type: "text", value: (row) => row.rw },
    { header: "ANGGOTA", type: "integer", value: (row) => row.memberCount },
  ],
};
