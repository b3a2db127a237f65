import type { ScopedClient, Tx } from "@/lib/db";
import { uniqueSuffix } from "./db";

export type TestTenant = { id: string; slug: string; kecamatanId: string; kelurahanId: string };

/** A tenant of its own, with one kecamatan and one kelurahan, so tests never share rows. */
export async function createTestTenant(db: ScopedClient, withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>): Promise<TestTenant> {
  const suffix = uniqueSuffix();
  const tenant = await db.tenant.create({
    data: { slug: `t-${suffix}`, name: `Kota Uji ${suffix}`, kemendagriCode: `99.${suffix}`, provinceName: "Uji" },
  });
  return withTenant(tenant.id, async (tx) => {
    const kecamatan = await tx.area.create({
      data: { tenantId: tenant.id, code: `99.${suffix}.01`, name: "Kecamatan Uji", level: "KECAMATAN" },
    });
    const kelurahan = await tx.area.create({
      data: { tenantId: tenant.id, code: `99.${suffix}.01.1001`, name: "Kelurahan Uji", level: "KELURAHAN", parentId: kecamatan.id },
    });
    return { id: tenant.id, slug: tenant.slug, kecamatanId: kecamatan.id, kelurahanId: kelurahan.id };
  });
}

let serial = 0;

/** A household in the tenant's kelurahan with a unique-looking No. KK. */
export async function createTestHousehold(tx: Tx, tenant: TestTenant, overrides: { desil?: number; isExtremePoor?: boolean } = {}) {
  serial += 1;
  const noKk = `5271${String(Date.now()).slice(-8)}${String(serial).padStart(4, "0")}`;
  return tx.household.create({
    data: {
      tenantId: tenant.id,
      noKk,
      address: `Jl. Uji No. ${serial}`,
      kecamatanId: tenant.kecamatanId,
      kelurahanId: tenant.kelurahanId,
      desil: overrides.desil ?? 1,
      isExtremePoor: overrides.isExtremePoor ?? true,
    },
  });
}

/** Three active households, two of them extreme-poor, and one extreme-poor household that moved away. */
export async function createCountedHouseholds(tx: Tx, tenant: TestTenant) {
  await createTestHousehold(tx, tenant, { isExtremePoor: true });
  await createTestHousehold(tx, tenant, { isExtremePoor: true });
  await createTestHousehold(tx, tenant, { isExtremePoor: false });
  const moved = await createTestHousehold(tx, tenant, { isExtremePoor: true });
  await tx.household.update({ where: { tenantId_id: { tenantId: tenant.id, id: moved.id } }, data: { status: "MOVED" } });
}
