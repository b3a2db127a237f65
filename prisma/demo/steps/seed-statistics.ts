import { Prisma } from "@/lib/generated/prisma/client";
import { seedId } from "../ids";
import type { CitySeed } from "./types";

/**
 * The city-wide poverty series and the mayor's targets. Both are city-level (no area); a
 * year or target already recorded is kept as it is, except that the seed's own years gain the
 * poverty line where they have none (it came after them).
 */
export async function seedStatistics({ db, city, tenant }: CitySeed) {
  const [statistics, targets] = await Promise.all([
    db.povertyStatistic.findMany({ where: { tenantId: tenant.id, areaId: null }, select: { id: true, year: true, povertyLineRupiah: true } }),
    db.target.findMany({ where: { tenantId: tenant.id, areaId: null }, select: { indicator: true, year: true } }),
  ]);
  const statisticYears = new Set(statistics.map((row) => row.year));
  const targetKeys = new Set(targets.map((row) => `${row.indicator}/${row.year}`));

  await db.povertyStatistic.createMany({
    data: city.statistics
      .filter((row) => !statisticYears.has(row.year))
      .map((row) => ({
        tenantId: tenant.id,
        id: seedId(city.slug, "poverty-statistic", row.year),
        year: row.year,
        povertyRatePct: new Prisma.Decimal(row.povertyRatePct),
        poorPeople: row.poorPeople,
        extremeRatePct: new Prisma.Decimal(row.extremeRatePct),
        extremePoorPeople: row.extremePoorPeople,
        p1: row.p1 ? new Prisma.Decimal(row.p1) : null,
        p2: row.p2 ? new Prisma.Decimal(row.p2) : null,
        povertyLineRupiah: row.povertyLineRupiah ?? null,
        source: row.source,
      })),
    skipDuplicates: true,
  });
  for (const row of city.statistics) {
    const id = seedId(city.slug, "poverty-statistic", row.year);
    if (row.povertyLineRupiah === undefined || !statistics.some((kept) => kept.id === id && kept.povertyLineRupiah === null)) continue;
    await db.povertyStatistic.update({ where: { tenantId_id: { tenantId: tenant.id, id } }, data: { povertyLineRupiah: row.povertyLineRupiah } });
  }
  await db.target.createMany({
    data: city.targets
      .filter((row) => !targetKeys.has(`${row.indicator}/${row.year}`))
      .map((row) => ({
        tenantId: tenant.id,
        id: seedId(city.slug, "target", row.indicator, row.year),
        indicator: row.indicator,
        year: row.year,
        value: new Prisma.Decimal(row.value),
        note: row.note,
      })),
    skipDuplicates: true,
  });
}
