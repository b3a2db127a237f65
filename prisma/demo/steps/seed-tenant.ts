import type { Db } from "@/lib/db";
import { findRegency, syncTenantAreas, timeZoneForProvince, type Regency } from "@/features/areas";
import type { CitySpec } from "../cities/types";

/** The city's tenant (by slug) and its kecamatan/kelurahan from idn-area-data. */
export async function seedTenant(db: Db, city: CitySpec) {
  const regency = await findRegency(city.kemendagriCode);
  if (!regency) throw new Error(`Unknown Kemendagri code ${city.kemendagriCode}`);
  const tenant = await upsertTenant(db, city.slug, regency);
  const areas = await syncTenantAreas(db, tenant.id, regency.code);
  return { tenant, areas };
}

async function upsertTenant(db: Db, slug: string, regency: Regency) {
  const existing = await db.tenant.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (existing) return existing;
  return db.tenant.create({
    data: {
      slug,
      name: regency.name,
      kind: regency.kind,
      kemendagriCode: regency.code,
      provinceName: regency.provinceName,
      timeZone: timeZoneForProvince(regency.provinceCode),
    },
    select: { id: true, name: true },
  });
}
