import { chunk } from "../batches";
import { insertIgnoringDuplicates } from "../bulk-insert";
import { seedId } from "../ids";
import { registrySnapshotFor } from "../demo-today";
import { generateRegistry } from "../registry";
import type { GeneratedHousehold, RegistryArea } from "../registry/types";
import type { CitySeed, SeededHousehold } from "./types";

const BATCH = 1_000;

/**
 * Inserts the generated registry in batches (households, members and their history in one
 * transaction per batch). Households already present are left alone; one whose No. KK
 * belongs to another record (e.g. a real import) is skipped with its members. Returns the
 * seeded households the later steps may pick participants and recipients from.
 */
export async function seedRegistry(seed: CitySeed, count: number): Promise<SeededHousehold[]> {
  const { db, city, tenant } = seed;
  const { registryAreas, areaIds } = await loadAreas(seed);
  const generated = generateRegistry({
    seed: seed.seed,
    count,
    areas: registryAreas,
    cityName: tenant.name,
    cultures: city.cultures,
    culturesByKecamatan: city.culturesByKecamatan,
    streets: city.streets,
    alleys: city.alleys,
    birthPlaces: city.birthPlaces,
    snapshot: registrySnapshotFor(seed.today),
  });
  const households = generated.map((household) => withIds(seed, household, areaIds));

  const seeded: SeededHousehold[] = [];
  for (const batch of chunk(households, BATCH)) {
    const { usable, fresh } = await sortOutExisting(seed, batch);
    seeded.push(...usable);
    if (fresh.length === 0) continue;
    const now = new Date();
    await db.$transaction([
      ...(await insertIgnoringDuplicates(
        db,
        "Household",
        fresh.map((h) => householdRow(tenant.id, h, now)),
      )),
      ...(await insertIgnoringDuplicates(
        db,
        "Member",
        fresh.flatMap((h) => h.members.map((m) => ({ tenantId: tenant.id, householdId: h.id, ...m, createdAt: now, updatedAt: now }))),
      )),
      db.householdStatusEvent.createMany({
        data: fresh.flatMap((h) =>
          h.statusEvents.map((event, i) => ({ tenantId: tenant.id, id: seedId(h.id, "status-event", i), householdId: h.id, ...event })),
        ),
        skipDuplicates: true,
      }),
      db.householdDesilChange.createMany({
        data: fresh.flatMap((h) =>
          h.desilChanges.map((change, i) => ({ tenantId: tenant.id, id: seedId(h.id, "desil-change", i), householdId: h.id, ...change })),
        ),
        skipDuplicates: true,
      }),
    ]);
  }
  return seeded;
}

async function loadAreas({ db, tenant }: CitySeed) {
  const areas = await db.area.findMany({
    where: { tenantId: tenant.id },
    select: { id: true, code: true, name: true, level: true, parentId: true },
    orderBy: { code: "asc" },
  });
  const byId = new Map(areas.map((area) => [area.id, area]));
  const registryAreas: RegistryArea[] = areas
    .filter((area) => area.level === "KELURAHAN" && area.parentId)
    .map((kelurahan) => {
      const kecamatan = byId.get(kelurahan.parentId!)!;
      return { kecamatanCode: kecamatan.code, kecamatanName: kecamatan.name, kelurahanCode: kelurahan.code, kelurahanName: kelurahan.name };
    });
  return { registryAreas, areaIds: new Map(areas.map((area) => [area.code, area.id])) };
}

function withIds(seed: CitySeed, household: GeneratedHousehold, areaIds: Map<string, string>): SeededHousehold {
  return {
    ...household,
    id: seedId(seed.city.slug, seed.seed, "household", household.index),
    kecamatanId: areaIds.get(household.area.kecamatanCode)!,
    kelurahanId: areaIds.get(household.area.kelurahanCode)!,
    members: household.members.map((member, i) => ({ ...member, id: seedId(seed.city.slug, seed.seed, "member", household.index, i) })),
  };
}

/**
 * `usable`: the batch minus records whose No. KK or NIK belongs to someone else's row;
 * `fresh`: the usable households not inserted yet (their members and history come with them).
 */
async function sortOutExisting({ db, tenant }: CitySeed, batch: SeededHousehold[]) {
  const [households, members] = await Promise.all([
    db.household.findMany({ where: { tenantId: tenant.id, noKk: { in: batch.map((h) => h.noKk) } }, select: { id: true, noKk: true } }),
    db.member.findMany({
      where: { tenantId: tenant.id, nik: { in: batch.flatMap((h) => h.members.map((m) => m.nik)) } },
      select: { id: true, nik: true },
    }),
  ]);
  const householdIdByNoKk = new Map(households.map((h) => [h.noKk, h.id]));
  const memberIdByNik = new Map(members.map((m) => [m.nik, m.id]));
  const usable = batch
    .filter((h) => (householdIdByNoKk.get(h.noKk) ?? h.id) === h.id)
    .map((h) => ({ ...h, members: h.members.filter((m) => (memberIdByNik.get(m.nik) ?? m.id) === m.id) }));
  return { usable, fresh: usable.filter((h) => !householdIdByNoKk.has(h.noKk)) };
}

function householdRow(tenantId: string, h: SeededHousehold, now: Date) {
  return {
    tenantId,
    id: h.id,
    noKk: h.noKk,
    registrySource: h.registrySource,
    registryId: h.registryId,
    address: h.address,
    rt: h.rt,
    rw: h.rw,
    kecamatanId: h.kecamatanId,
    kelurahanId: h.kelurahanId,
    desil: h.desil,
    isExtremePoor: h.isExtremePoor,
    status: h.status,
    statusChangedAt: h.statusChangedAt,
    createdAt: now,
    updatedAt: now,
  };
}
