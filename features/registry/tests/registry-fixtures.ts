// Registry fixtures for the registry-* integration tests: households with members whose
// NIK and No. KK follow the real rules, in a test tenant of their own.
import type { Tx } from "@/lib/db";
import type { FamilyRelation, HouseholdStatus, Sex } from "@/lib/generated/prisma/enums";
import { generateNik, generateNoKk } from "@/lib/identity/nik";
import type { TestTenant } from "@/tests/helpers/factories";

export type MemberSpec = { name: string; sex?: Sex; birthDate?: string; relation?: FamilyRelation; nik?: string };
export type HouseholdSpec = {
  members?: MemberSpec[];
  desil?: number | null;
  isExtremePoor?: boolean;
  status?: HouseholdStatus;
  kelurahanId?: string;
  kecamatanId?: string;
  address?: string;
};

let serial = 0;
const next = () => (serial = (serial % 9998) + 1);

export function nikFor(birthDate: string, sex: Sex = "MALE"): string {
  return generateNik({ regionCode: "527101", birthDate: new Date(`${birthDate}T00:00:00Z`), sex, serial: next() });
}

export async function makeHousehold(tx: Tx, tenant: TestTenant, spec: HouseholdSpec = {}) {
  const noKk = generateNoKk({ regionCode: "527101", issueDate: new Date(Date.UTC(2015, 0, 1 + (next() % 28))), serial: next() });
  const household = await tx.household.create({
    data: {
      tenantId: tenant.id,
      noKk,
      address: spec.address ?? `Jl. Uji No. ${serial}`,
      kecamatanId: spec.kecamatanId ?? tenant.kecamatanId,
      kelurahanId: spec.kelurahanId ?? tenant.kelurahanId,
      desil: spec.desil === undefined ? 1 : spec.desil,
      isExtremePoor: spec.isExtremePoor ?? (spec.desil === undefined || spec.desil === 1),
      status: spec.status ?? "ACTIVE",
    },
  });
  const members = [];
  for (const [i, member] of (spec.members ?? [{ name: `Kepala ${serial}` }]).entries()) {
    const sex = member.sex ?? (i === 1 ? "FEMALE" : "MALE");
    const birthDate = member.birthDate ?? `19${70 + (i % 20)}-0${1 + (i % 9)}-1${i % 9}`;
    members.push(
      await tx.member.create({
        data: {
          tenantId: tenant.id,
          householdId: household.id,
          nik: member.nik ?? nikFor(birthDate, sex),
          name: member.name,
          sex,
          birthDate: new Date(`${birthDate}T00:00:00Z`),
          relation: member.relation ?? (i === 0 ? "HEAD" : i === 1 ? "SPOUSE" : "CHILD"),
        },
      }),
    );
  }
  return { household, members };
}

/** A second kelurahan (in a second kecamatan) of the tenant. */
export async function addKelurahan(tx: Tx, tenant: TestTenant, name = "Kelurahan Dua") {
  const code = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const kecamatan = await tx.area.create({ data: { tenantId: tenant.id, code: `98.${code}.02`, name: "Kecamatan Dua", level: "KECAMATAN" } });
  const kelurahan = await tx.area.create({
    data: { tenantId: tenant.id, code: `98.${code}.02.2001`, name, level: "KELURAHAN", parentId: kecamatan.id },
  });
  return { kecamatanId: kecamatan.id, kelurahanId: kelurahan.id };
}
