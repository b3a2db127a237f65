import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays, utcDate } from "@/lib/calendar/days";
import { seedId } from "../ids";
import { createRandom, hashSeed } from "../random";
import { aidValue, pickBudgetLine } from "./seed-aid";
import { MONTH_NAMES } from "./seed-realisations";
import type { CitySeed, SeededHousehold, SeededProgramme } from "./types";

/**
 * The last week of the current year, whatever day the demo is seeded: a few hand-overs
 * verified in it to households the year had not reached yet, and some of this month's
 * spending verified in it, so the mayor's "last 7 days" are never empty. Drawn from their own
 * streams, so the rest of the demo stays as it was; left alone once written.
 */
export async function seedRecentActivity(seed: CitySeed, programmes: SeededProgramme[], registry: SeededHousehold[]): Promise<void> {
  // The spending is always written, the hand-overs only when the registry has households to reach:
  // the spending marks the step done, so a registry grown later gets no hand-overs on a rerun.
  const realisations = recentRealisations(seed, programmes);
  if (realisations.length === 0) return;
  const written = await seed.db.budgetRealisation.count({ where: { tenantId: seed.tenant.id, id: { in: realisations.map((row) => row.id) } } });
  if (written > 0) return;
  await seedRecentAid(seed, programmes, registry);
  await seed.db.budgetRealisation.createMany({ data: realisations, skipDuplicates: true });
}

const year = (seed: CitySeed) => seed.today.getUTCFullYear();

/** A day of the last week (days back from today), never before 1 January nor after yesterday, unless the year began today. */
function lastWeekDay(seed: CitySeed, daysBack: number, firstDay = utcDate(year(seed), 1, 1)): Date {
  const day = addDays(seed.today, -daysBack);
  if (day < firstDay) return firstDay;
  return day;
}

async function seedRecentAid(seed: CitySeed, programmes: SeededProgramme[], registry: SeededHousehold[]) {
  const { db, city, tenant } = seed;
  // Whole households (no member named) and no insurance cover: a hand-over of goods or cash.
  const givers = programmes.filter(
    (p) => p.spec.fiscalYear === year(seed) && p.spec.aid && !p.spec.aid.memberAge && p.spec.aid.kind !== "INSURANCE_PREMIUM" && p.budgetLines.length > 0,
  );
  if (givers.length === 0) return;
  const reached = new Set(
    (await db.householdYearReach.findMany({ where: { tenantId: tenant.id, fiscalYear: year(seed) }, select: { householdId: true } })).map(
      (row) => row.householdId,
    ),
  );
  const random = createRandom(hashSeed(seed.seed, city.slug, "recent-aid"));
  const unreached = random.shuffle(registry.filter((h) => h.status === "ACTIVE" && !reached.has(h.id)).sort((a, b) => a.id.localeCompare(b.id)));
  const wanted = random.int(5, 9);
  const rows: Prisma.AidDistributionCreateManyInput[] = [];
  for (const household of unreached) {
    if (rows.length >= wanted) break;
    const fitting = givers.filter((p) => household.desil <= p.spec.aid!.maxDesil);
    if (fitting.length === 0) continue;
    const programme = random.pick(fitting);
    const plan = programme.spec.aid!;
    const index = rows.length;
    const distributedAt = lastWeekDay(seed, random.int(2, 6));
    rows.push({
      tenantId: tenant.id,
      id: seedId(city.slug, "recent-aid", seed.today.getUTCMonth() + 1, index),
      programmeId: programme.id,
      opdId: programme.opdId,
      budgetLineId: pickBudgetLine(random, programme),
      householdId: household.id,
      memberId: null,
      kind: plan.kind,
      items: plan.items,
      value: aidValue(random, plan.value),
      distributedAt,
      partnerName: plan.partnerName,
      quantity: 1,
      handedOverBy: random.pick(city.officers),
      proofRef: `BAST/${programme.opdShortName.toUpperCase().replace(/[^A-Z]/g, "")}/${year(seed)}/M${String(index + 1).padStart(3, "0")}`,
      status: "VERIFIED",
      verifiedAt: lastWeekDay(seed, random.int(1, 2), distributedAt),
    });
  }
  await db.aidDistribution.createMany({ data: rows, skipDuplicates: true });
}

/** Part of this month's spending on a few of the year's lines, verified in the last week (not before the month began). */
function recentRealisations(seed: CitySeed, programmes: SeededProgramme[]): Array<Prisma.BudgetRealisationCreateManyInput & { id: string }> {
  const { city, tenant, today } = seed;
  const lines = programmes
    .filter((p) => p.spec.fiscalYear === year(seed))
    .flatMap((p) => p.budgetLines)
    .sort((a, b) => a.id.localeCompare(b.id));
  if (lines.length === 0) return [];
  const random = createRandom(hashSeed(seed.seed, city.slug, "recent-realisation"));
  const month = today.getUTCMonth() + 1;
  const firstOfMonth = utcDate(year(seed), month, 1);
  return random
    .shuffle(lines)
    .slice(0, 3)
    .map((line) => ({
      tenantId: tenant.id,
      id: seedId(city.slug, "recent-realisation", line.id, month),
      budgetLineId: line.id,
      month,
      amount: ((line.pagu * BigInt(random.int(5, 15))) / 1_000n / 1_000n) * 1_000n,
      note: `Realisasi ${MONTH_NAMES[month - 1]} ${year(seed)} (berjalan)`,
      status: "VERIFIED" as const,
      verifiedAt: lastWeekDay(seed, random.int(1, 5), firstOfMonth),
    }));
}
