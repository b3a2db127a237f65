// The unreached extreme-poor households as .xlsx/.csv, with the dashboard's filters and the
// list's (?tahun=&kecamatan=&opd=&program=&kelurahan=&desil=), in the list's order. Numbers are
// shown as every viewer sees them: the last four digits only (lib/privacy/person-view.ts).
// Its title row and its name say the filters by name, as the dashboard's tables do, in the
// asker's language (a large file's job keeps it); the column headers stay the registry's own.
import { createTranslator } from "next-intl";
import { loadKelurahanLabels } from "@/features/areas/labels";
import { cityDashboardFilters } from "@/features/dashboards/mayor-context";
import { formatDateLong } from "@/lib/format";
import { maskNumber } from "@/lib/privacy/person-view";
import type { ExportDescription, ExportSpec } from "@/lib/spreadsheet/export";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { catalogues } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/locales";
import { fileNamePart, filterNames } from "../filter-names";
import { parseUnreachedListFilter, unreachedBatch, unreachedCursor, unreachedListRequirement, type UnreachedHousehold } from "./unreached";

/** "Daftar KK … — Kota Mataram — Tahun 2026 · Kecamatan Ampenan · Kelurahan Ampenan Selatan · Desil 1", the date; the file's name likewise. */
async function describeUnreached(
  tx: Tx,
  { user, search, locale }: { user: TenantSessionUser; search: URLSearchParams; locale: AppLocale },
): Promise<ExportDescription> {
  const dashboards = createTranslator({ locale, messages: catalogues[locale], namespace: "Dashboards" });
  const poverty = createTranslator({ locale, messages: catalogues[locale], namespace: "PovertyDashboard" });
  const query = Object.fromEntries(search);
  const { filters } = await cityDashboardFilters(tx, user.tenantId, query);
  const list = parseUnreachedListFilter(query);
  const [tenant, names, kelurahan] = await Promise.all([
    tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } }),
    filterNames(tx, filters),
    list.kelurahanId ? loadKelurahanLabels(tx).then((labels) => labels.get(list.kelurahanId!) ?? null) : null,
  ]);
  const desil = list.desil === null ? null : list.desil === 0 ? poverty("list.noDesil") : poverty("list.forDesil", { desil: list.desil });
  const year = String(filters.year);
  const chosen = [
    dashboards("filters.summaryYear", { year }),
    names.kecamatan && `${dashboards("filters.kecamatan")} ${names.kecamatan}`,
    kelurahan && poverty("list.forKelurahan", { name: kelurahan }),
    desil,
    names.opd && `${dashboards("filters.opd")} ${names.opd}`,
    names.programme && `${dashboards("filters.programme")} ${names.programme}`,
  ].filter((part): part is string => Boolean(part));
  // The list's own filters before the OPD and programme: a long name is cut at 80 characters.
  const fileName = [user.tenantSlug, poverty("list.fileName"), year, names.kecamatan, kelurahan, desil, names.opd, names.programme]
    .map((part) => (part ? fileNamePart(part) : ""))
    .filter(Boolean)
    .join("-");
  return {
    heading: [
      [poverty("list.title"), tenant.name, chosen.join(" · ")].join(" — "),
      dashboards("export.printedAt", { date: formatDateLong(new Date(), { locale, timeZone: tenant.timeZone }) }),
    ],
    fileName,
  };
}

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
  describe: describeUnreached,
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
