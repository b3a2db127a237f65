// The distribution list as .xlsx/.csv, in the scope of the aid page: an OPD role exports its
// own OPD, city-wide readers every OPD or the one in ?opd=; ?tahun=, ?program=, ?jenis= and
// ?status= narrow it as the page's filters do. No. KK and the KPJ number stay masked, as in the list.
import { loadKelurahanLabel } from "@/features/areas/labels";
import { parseAidFilter } from "@/features/aid/filters";
import { distributionWhere } from "@/features/aid/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import { programmeScope } from "@/lib/auth/scope";
import { parseYearParam } from "@/lib/calendar/fiscal-year";
import { maskNik } from "@/lib/identity/nik";
import { maskNumber } from "@/lib/privacy/person-view";
import type { ExportSpec } from "@/lib/spreadsheet/export";
import { aidKindLabel } from "./labels";

/** A month held as its first day, as "yyyy-mm" (the import reads it back). */
const yearMonth = (day: Date | null) => (day ? day.toISOString().slice(0, 7) : null);

const STATUS = { DRAFT: "DRAF", VERIFIED: "TERVERIFIKASI" } as const;

const select = {
  id: true,
  kind: true,
  items: true,
  quantity: true,
  value: true,
  distributedAt: true,
  status: true,
  reversesId: true,
  duplicateAcknowledged: true,
  proofRef: true,
  partnerName: true,
  monthsCovered: true,
  bpjsNumber: true,
  coverageStart: true,
  coverageEnd: true,
  premiumPerMonth: true,
  householdId: true,
  programme: { select: { name: true, fiscalYear: true } },
  opd: { select: { shortName: true } },
  member: { select: { name: true } },
  household: {
    select: {
      noKk: true,
      kelurahanId: true,
      members: { where: { relation: "HEAD" as const }, select: { name: true }, take: 1 },
    },
  },
} satisfies Prisma.AidDistributionSelect;

type Row = Prisma.AidDistributionGetPayload<{ select: typeof select }> & { kelurahan: string };

export const distributionExport: ExportSpec<Row> = {
  page: "aid",
  lists: "people",
  entity: "AidDistribution",
  fileName: "penyaluran-bantuan",
  batch: async (tx, { user, search, after, take }) => {
    const filter = parseAidFilter(Object.fromEntries(search));
    const year = parseYearParam(search.get("tahun") ?? undefined);
    const rows = await tx.aidDistribution.findMany({
      where: {
        ...(after ? { id: { gt: after } } : {}),
        ...distributionWhere(filter, { scope: programmeScope(user), fiscalYear: year ?? null, opdId: search.get("opd") }),
      },
      select,
      orderBy: { id: "asc" },
      take,
    });
    const kelurahanLabel = await loadKelurahanLabel(tx);
    return rows.map((row) => ({ ...row, kelurahan: kelurahanLabel(row.household.kelurahanId) }));
  },
  cursor: (row) => row.id,
  householdId: (row) => row.householdId,
  columns: [
    { header: "TANGGAL", type: "date", value: (row) => row.distributedAt },
    { header: "OPD", value: (row) => row.opd.shortName },
    { header: "PROGRAM", value: (row) => row.programme.name },
    { header: "TAHUN", type: "integer", value: (row) => row.programme.fiscalYear },
    { header: "JENIS", value: (row) => aidKindLabel(row.kind) },
    { header: "BANTUAN", value: (row) => row.items },
    { header: "JUMLAH", type: "integer", value: (row) => row.quantity },
    { header: "NILAI", type: "money", value: (row) => row.value },
    { header: "NO KK", type: "text", value: (row) => maskNik(row.household.noKk) },
    { header: "KEPALA KELUARGA", value: (row) => row.household.members[0]?.name ?? null },
    { header: "ANGGOTA PENERIMA", value: (row) => row.member?.name ?? null },
    { header: "KELURAHAN", value: (row) => row.kelurahan },
    { header: "MITRA", value: (row) => row.partnerName },
    { header: "BULAN PREMI", type: "integer", value: (row) => row.monthsCovered },
    { header: "NOMOR KPJ", type: "text", value: (row) => (row.bpjsNumber ? maskNumber(row.bpjsNumber) : null) },
    { header: "MULAI KEPESERTAAN", type: "text", value: (row) => yearMonth(row.coverageStart) },
    { header: "AKHIR KEPESERTAAN", type: "text", value: (row) => yearMonth(row.coverageEnd) },
    { header: "PREMI PER BULAN", type: "money", value: (row) => row.premiumPerMonth },
    { header: "NOMOR BUKTI", type: "text", value: (row) => row.proofRef },
    { header: "STATUS", value: (row) => STATUS[row.status] },
    { header: "PEMBALIKAN DARI", type: "text", value: (row) => row.reversesId },
    { header: "GANDA DIKONFIRMASI", value: (row) => (row.duplicateAcknowledged ? "YA" : "TIDAK") },
    { header: "ID PENYALURAN", type: "text", value: (row) => row.id },
  ],
};
