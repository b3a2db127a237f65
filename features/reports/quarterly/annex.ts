// The report's by-name annex (quarterlyReportRoutes.annex): every
// household a programme of the fiscal year reached, one row per programme and household, with
// the head's name, the kelurahan and the address, No. KK and NIK masked as every viewer sees
// them (lib/privacy/person-view.ts). Only the report's readers who may read personal data get
// it, like the unreached list; others get the report without it. Read in key order of the reach
// rows (their primary key), batch by batch; a city's whole year becomes an export job, audited
// with each household it names, as every export of people (lib/spreadsheet/export.ts).
import type { PageRequirement } from "@/lib/auth/gate";
import { userHolds, userCan, type Grantee } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProgrammeKind } from "@/lib/generated/prisma/enums";
import { formatDateLong } from "@/lib/format";
import { maskNumber } from "@/lib/privacy/person-view";
import type { ExportSpec } from "@/lib/spreadsheet/export";
import { fileNamePart } from "@/features/dashboards/filter-names";
import { cityReportPeriod } from "./city-period";
import { strategyOfKind } from "./strategy";
import { quarterlyReportWords } from "./words";
import { scopeTenantId } from "@/lib/db/scope-tenant";

/** Who may take the annex: the report's readers who may read personal data. */
export const annexRequirement = { page: "quarterlyReport", also: "registry:read-personal", people: true } as const satisfies PageRequirement;

/** Whether the report offers this reader its by-name annex. */
export function mayTakeAnnex(user: Grantee): boolean {
  return userHolds(user, annexRequirement.also) && userCan(user, "person:read");
}

export type AnnexRow = {
  programmeId: string;
  opdId: string;
  householdId: string;
  programme: string;
  kind: ProgrammeKind;
  opd: string;
  headName: string | null;
  headNik: string | null;
  noKk: string;
  kelurahan: string;
  address: string;
  rt: string | null;
  rw: string | null;
  desil: number | null;
  isExtremePoor: boolean;
};

export const annexCursor = (row: Pick<AnnexRow, "programmeId" | "opdId" | "householdId">) => `${row.programmeId}:${row.opdId}:${row.householdId}`;

/** One batch of the annex after `after` (annexCursor), in the reach rows' key order. */
export async function annexBatch(tx: Tx, year: number, after: string | null, take: number): Promise<AnnexRow[]> {
  const key = after?.split(":");
  const from = key?.length === 3 ? Prisma.sql`AND (r."programmeId", r."opdId", r."householdId") > (${key[0]}, ${key[1]}, ${key[2]})` : Prisma.empty;
  return tx.$queryRaw<AnnexRow[]>`
    SELECT r."programmeId", r."opdId", r."householdId", p.name AS programme, p.kind::text AS kind, o."shortName" AS opd,
           head.name AS "headName", head.nik AS "headNik", h."noKk", l.name AS kelurahan, h.address, h.rt, h.rw, h.desil, h."isExtremePoor"
      FROM "HouseholdReach" r
      JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
      JOIN "Opd" o ON o."tenantId" = p."tenantId" AND o.id = p."opdId"
      JOIN "Household" h ON h."tenantId" = r."tenantId" AND h.id = r."householdId"
      JOIN "Area" l ON l."tenantId" = h."tenantId" AND l.id = h."kelurahanId"
      LEFT JOIN LATERAL (
        SELECT m.name, m.nik FROM "Member" m
         WHERE m."tenantId" = h."tenantId" AND m."householdId" = h.id AND m.relation = 'HEAD'
         ORDER BY m.id LIMIT 1) head ON TRUE
     WHERE r."tenantId" = ${scopeTenantId()} AND r."fiscalYear" = ${year} ${from}
     ORDER BY r."programmeId", r."opdId", r."householdId"
     LIMIT ${take}`;
}

/** The strategy in the annex's own language: its headers are Indonesian, as the registry's files. */
const strategyWord = (kind: ProgrammeKind) => quarterlyReportWords("id").t(`strategies.${strategyOfKind(kind)}`);

export const quarterlyAnnexExport: ExportSpec<AnnexRow> = {
  page: annexRequirement.page,
  also: annexRequirement.also,
  lists: "people",
  entity: "QuarterlyReportAnnex",
  fileName: "laporan-triwulan-lampiran",
  pageSize: 1000,
  batch: async (tx, { user, search, after, take }) => {
    const { period } = await cityReportPeriod(tx, user.tenantId, Object.fromEntries(search));
    return annexBatch(tx, period.year, after, take);
  },
  cursor: annexCursor,
  householdId: (row) => row.householdId,
  describe: async (tx, { user, search, locale }) => {
    const { t } = quarterlyReportWords(locale);
    const { period } = await cityReportPeriod(tx, user.tenantId, Object.fromEntries(search));
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true, timeZone: true } });
    return {
      heading: [
        [t("annex.title"), tenant.name, t("eyebrow", { quarter: period.quarter, year: period.year })].join(" — "),
        t("printedAt", { date: formatDateLong(new Date(), { locale, timeZone: tenant.timeZone }) }),
        t("annexNote"),
      ],
      fileName: [user.tenantSlug ?? "", t("annex.fileName"), String(period.year), `tw${period.quarter}`].map(fileNamePart).filter(Boolean).join("-"),
    };
  },
  columns: [
    { header: "STRATEGI", value: (row) => strategyWord(row.kind) },
    { header: "OPD", value: (row) => row.opd },
    { header: "PROGRAM", value: (row) => row.programme },
    { header: "KEPALA KELUARGA", value: (row) => row.headName },
    { header: "NIK KEPALA KELUARGA", type: "text", value: (row) => (row.headNik ? maskNumber(row.headNik) : null) },
    { header: "NO KK", type: "text", value: (row) => maskNumber(row.noKk) },
    { header: "KELURAHAN", value: (row) => row.kelurahan },
    { header: "ALAMAT", value: (row) => row.address },
    { header: "RT", type: "text", value: (row) => row.rt },
    { header: "RW", type: "text", value: (row) => row.rw },
    { header: "DESIL", type: "integer", value: (row) => row.desil },
    { header: "MISKIN EKSTREM", value: (row) => (row.isExtremePoor ? "YA" : "TIDAK") },
  ],
};
