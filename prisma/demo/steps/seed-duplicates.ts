import { scanDuplicates } from "@/features/registry/duplicates/detect";
import type { Tx } from "@/lib/db";
import { createRandom, hashSeed } from "../random";
import type { CitySeed } from "./types";

const PAIRS = 2;

/**
 * A family registered twice, as Bapeda finds in real extracts: a second household of the same
 * kelurahan carries another's address and head's name. The duplicate scan then records the
 * pairs as it would, waiting for a decision. Only names and addresses change, never a NIK or
 * a birth date, so every member stays consistent. Left alone once the city has any pair.
 */
export async function seedDuplicates(seed: CitySeed): Promise<void> {
  const { db, city, tenant } = seed;
  if (await db.duplicateCandidate.count({ where: { tenantId: tenant.id } })) return;
  // Not in the demo kelurahan: its change requests name its households as they stand.
  const demoKelurahan = await db.area.findFirst({ where: { tenantId: tenant.id, level: "KELURAHAN", name: city.demoKelurahan }, select: { id: true } });
  const households = await db.household.findMany({
    where: { tenantId: tenant.id, status: "ACTIVE", ...(demoKelurahan ? { kelurahanId: { not: demoKelurahan.id } } : {}) },
    select: {
      id: true,
      kelurahanId: true,
      address: true,
      rt: true,
      rw: true,
      members: { where: { relation: "HEAD", departedAt: null }, select: { id: true, name: true, sex: true } },
    },
    orderBy: { id: "asc" },
  });
  const random = createRandom(hashSeed(seed.seed, city.slug, "duplicates"));
  const used = new Set<string>();
  let made = 0;
  for (const original of random.shuffle(households)) {
    if (made >= PAIRS) break;
    const head = original.members[0];
    if (!head || used.has(original.kelurahanId)) continue;
    const copy = households.find((h) => h.id !== original.id && h.kelurahanId === original.kelurahanId && h.members[0]?.sex === head.sex);
    if (!copy) continue;
    used.add(original.kelurahanId);
    await db.household.update({
      where: { tenantId_id: { tenantId: tenant.id, id: copy.id } },
      data: { address: original.address, rt: original.rt, rw: original.rw },
    });
    await db.member.update({ where: { tenantId_id: { tenantId: tenant.id, id: copy.members[0]!.id } }, data: { name: head.name } });
    made += 1;
  }
  if (made > 0) await scanDuplicates(db as unknown as Tx, tenant.id, ["SAME_ADDRESS_AND_HEAD"]);
}
