// The registry as the import reads it: one row per member in the city template's columns,
// the family's columns repeated on each row, NIK and No. KK as text, so the file imports
// again unchanged after editing. For those who may see full numbers (registry:read-personal):
// a kelurahan officer gets their own kelurahan, whatever the URL says; the others the city
// or the kelurahan they pick (?kelurahan=). Families are read by No. KK in batches, never all
// at once; each batch's families are recorded as disclosed against the export's audit row.
import { householdScopeWhere, registryScope } from "@/lib/auth/scope";
import type { Tx } from "@/lib/db";
import type { Disability, Education, FamilyRelation, Sex } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors";
import type { ExportColumn, ExportSpec } from "@/lib/spreadsheet/export";
import type { OutCell } from "@/lib/spreadsheet/write";
import { areaKey } from "@/features/registry/import/areas";
import { COLUMN_BY_KEY } from "@/features/registry/import/columns";
import { EXAMPLE_COLUMNS } from "@/features/registry/import/spreadsheets";

const householdSelect = {
  id: true,
  noKk: true,
  registryId: true,
  address: true,
  rt: true,
  rw: true,
  desil: true,
  isExtremePoor: true,
  kecamatanId: true,
  kelurahanId: true,
} as const;

const memberSelect = {
  nik: true,
  name: true,
  sex: true,
  birthPlace: true,
  birthDate: true,
  relation: true,
  education: true,
  occupation: true,
  disability: true,
} as const;

export type RegistryExportRow = {
  householdId: string;
  noKk: string;
  registryId: string | null;
  address: string;
  rt: string | null;
  rw: string | null;
  desil: number | null;
  isExtremePoor: boolean;
  kecamatan: string;
  kelurahan: string;
  nik: string;
  name: string;
  sex: Sex;
  birthPlace: string | null;
  birthDate: Date;
  relation: FamilyRelation;
  education: Education | null;
  occupation: string | null;
  disability: Disability | null;
};

// The words the import reads back as the same value (features/registry/import/cells.ts).
const SEX: Record<Sex, string> = { MALE: "L", FEMALE: "P" };
const RELATION: Record<FamilyRelation, string> = {
  HEAD: "KEPALA KELUARGA",
  SPOUSE: "ISTRI/SUAMI",
  CHILD: "ANAK",
  CHILD_IN_LAW: "MENANTU",
  GRANDCHILD: "CUCU",
  PARENT: "ORANG TUA",
  PARENT_IN_LAW: "MERTUA",
  OTHER_RELATIVE: "FAMILI LAIN",
  HOUSEHOLD_HELPER: "PEMBANTU",
  OTHER: "LAINNYA",
};
const EDUCATION: Record<Education, string> = {
  NONE: "TIDAK/BELUM SEKOLAH",
  NOT_FINISHED_SD: "BELUM TAMAT SD",
  SD: "SD",
  SMP: "SMP",
  SMA: "SMA",
  DIPLOMA: "DIPLOMA",
  BACHELOR: "S1",
  POSTGRADUATE: "PASCASARJANA",
};
const DISABILITY: Record<Disability, string> = {
  PHYSICAL: "FISIK",
  INTELLECTUAL: "INTELEKTUAL",
  MENTAL: "MENTAL",
  SENSORY: "SENSORIK",
  MULTIPLE: "GANDA",
};

/** dd-mm-yyyy, as the template writes dates. */
function dayMonthYear(date: Date): string {
  const [year, month, day] = date.toISOString().slice(0, 10).split("-");
  return `${day}-${month}-${year}`;
}

const VALUES: Record<(typeof EXAMPLE_COLUMNS)[number], (row: RegistryExportRow) => OutCell> = {
  noKk: (row) => row.noKk,
  nik: (row) => row.nik,
  name: (row) => row.name,
  sex: (row) => SEX[row.sex],
  birthPlace: (row) => row.birthPlace,
  birthDate: (row) => dayMonthYear(row.birthDate),
  relation: (row) => RELATION[row.relation],
  desil: (row) => (row.desil === null ? null : String(row.desil)),
  extremePoor: (row) => (row.isExtremePoor ? "YA" : "TIDAK"),
  kecamatan: (row) => row.kecamatan,
  kelurahan: (row) => row.kelurahan,
  address: (row) => row.address,
  rt: (row) => row.rt,
  rw: (row) => row.rw,
  registryId: (row) => row.registryId,
  education: (row) => (row.education ? EDUCATION[row.education] : null),
  occupation: (row) => row.occupation,
  disability: (row) => (row.disability ? DISABILITY[row.disability] : null),
};

export const REGISTRY_EXPORT_COLUMNS: readonly ExportColumn<RegistryExportRow>[] = EXAMPLE_COLUMNS.map((key) => ({
  header: COLUMN_BY_KEY[key].header,
  value: VALUES[key],
}));

/**
 * What the KECAMATAN and KELURAHAN cells say of each area: its name, or its code where the
 * import could not tell it from another by name (a kecamatan of the city, a kelurahan of its
 * kecamatan, with the same name).
 */
async function areaCells(tx: Tx): Promise<Map<string, string>> {
  const areas = await tx.area.findMany({ select: { id: true, code: true, name: true, level: true, parentId: true } });
  const shared = new Map<string, number>();
  const keyOf = (area: (typeof areas)[number]) => `${area.level}\u0000${area.parentId ?? ""}\u0000${areaKey(area.name)}`;
  for (const area of areas) shared.set(keyOf(area), (shared.get(keyOf(area)) ?? 0) + 1);
  return new Map(areas.map((area) => [area.id, (shared.get(keyOf(area)) ?? 0) > 1 ? area.code : area.name]));
}

/** The kelurahan a request may export: the officer's own; else the one asked for (it must be the city's), or the city (null). */
async function exportedKelurahan(
  tx: Tx,
  user: Parameters<typeof registryScope>[0],
  search: URLSearchParams,
): Promise<{ kelurahanId: string | null; nothing: boolean }> {
  const scope = registryScope(user);
  if (scope.nothing || scope.kelurahanId) return scope;
  const asked = search.get("kelurahan");
  if (!asked) return { kelurahanId: null, nothing: false };
  const area = await tx.area.findFirst({ where: { id: asked, level: "KELURAHAN" }, select: { id: true } });
  if (!area) throw notFound("Kelurahan");
  return { kelurahanId: area.id, nothing: false };
}

/** Families after `after` (a No. KK) with their members, until at least `take` member rows or the last family. */
async function registryBatch(tx: Tx, user: Parameters<typeof registryScope>[0], search: URLSearchParams, after: string | null, take: number) {
  const scope = await exportedKelurahan(tx, user, search);
  const where = householdScopeWhere(scope);
  const names = await areaCells(tx);
  const rows: RegistryExportRow[] = [];
  let cursor = after;
  for (;;) {
    const households = await tx.household.findMany({
      where: { ...where, ...(scope.kelurahanId ? { kelurahanId: scope.kelurahanId } : {}), ...(cursor ? { noKk: { gt: cursor } } : {}) },
      orderBy: { noKk: "asc" },
      take,
      select: {
        ...householdSelect,
        members: { where: { departedAt: null }, select: memberSelect, orderBy: [{ relation: "asc" }, { birthDate: "asc" }, { nik: "asc" }] },
      },
    });
    for (const { members, ...household } of households) {
      const family = {
        householdId: household.id,
        noKk: household.noKk,
        registryId: household.registryId,
        address: household.address,
        rt: household.rt,
        rw: household.rw,
        desil: household.desil,
        isExtremePoor: household.isExtremePoor,
        kecamatan: names.get(household.kecamatanId) ?? "",
        kelurahan: names.get(household.kelurahanId) ?? "",
      };
      for (const member of members) rows.push({ ...family, ...member });
    }
    // A batch ends on a whole family; the next starts after its No. KK.
    if (households.length < take || rows.length >= take) return rows;
    cursor = households[households.length - 1]!.noKk;
  }
}

export const registryExport: ExportSpec<RegistryExportRow> = {
  page: "registry",
  also: "registry:read-personal",
  lists: "people",
  entity: "Registry",
  fileName: "registri",
  batch: (tx, { user, search, after, take }) => registryBatch(tx, user, search, after, take),
  cursor: (row) => row.noKk,
  householdId: (row) => row.householdId,
  columns: REGISTRY_EXPORT_COLUMNS,
};
