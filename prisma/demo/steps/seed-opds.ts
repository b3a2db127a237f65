import { seedId } from "../ids";
import type { CitySeed } from "./types";

/** The city's agencies, by code; returns code → { id, shortName }. */
export async function seedOpds({ db, city, tenant }: CitySeed) {
  await db.opd.createMany({
    data: city.opds.map((opd) => ({ tenantId: tenant.id, id: seedId(city.slug, "opd", opd.code), ...opd })),
    skipDuplicates: true,
  });
  const opds = await db.opd.findMany({ where: { tenantId: tenant.id }, select: { id: true, code: true, shortName: true } });
  return new Map(opds.map((opd) => [opd.code, opd]));
}
