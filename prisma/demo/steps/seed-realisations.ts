import { addDays, lastDayOfMonth } from "@/lib/calendar/days";
import { seedId } from "../ids";
import { createRandom, hashSeed } from "../random";
import type { CitySeed, SeededProgramme } from "./types";

// Spending is slow in the first quarter and rushes in December, as in most APBD years.
const MONTH_WEIGHTS = [0.3, 0.5, 0.8, 1, 1.1, 1.2, 1.2, 1.3, 1.3, 1.4, 1.5, 2.2];
export const MONTH_NAMES = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/**
 * Monthly realised spending per budget line up to the month before the demo's "today":
 * verified, except that some lines' latest month still awaits the OPD head. A line that
 * already has realisations is left alone.
 */
export async function seedRealisations(seed: CitySeed, programmes: SeededProgramme[]): Promise<void> {
  const { db, city, tenant } = seed;
  const lines = programmes.flatMap((programme) =>
    programme.budgetLines.map((line) => ({ ...line, year: programme.spec.fiscalYear, underSpent: underSpent(seed, programme) })),
  );
  const withRealisations = new Set(
    (
      await db.budgetRealisation.findMany({
        where: { tenantId: tenant.id, budgetLineId: { in: lines.map((line) => line.id) } },
        distinct: ["budgetLineId"],
        select: { budgetLineId: true },
      })
    ).map((row) => row.budgetLineId),
  );

  const rows = lines
    .filter((line) => !withRealisations.has(line.id))
    .flatMap((line) => {
      const months = realisedMonths(line.year, seed.today);
      const random = createRandom(hashSeed(seed.seed, city.slug, "realisation", line.id));
      const share = 0.85 + random.next() * 0.13;
      const yearTarget = Number(line.pagu) * (line.underSpent ? share - 0.3 : share);
      const lateStart = random.chance(0.3) ? random.int(1, 3) : 0;
      const weights = MONTH_WEIGHTS.map((weight, i) => (i < lateStart ? 0 : weight * (0.7 + random.next() * 0.6)));
      const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
      const latestIsDraft = months < 12 && random.chance(0.3);
      // Some of those the OPD head sent back to the clerk, asking for the SP2D number.
      const returned = latestIsDraft && random.chance(0.3);
      return weights.slice(0, months).flatMap((weight, i) => {
        const amount = BigInt(Math.floor((yearTarget * weight) / totalWeight / 1_000) * 1_000);
        if (amount === 0n) return [];
        const month = i + 1;
        const verified = !(latestIsDraft && month === months);
        return [
          {
            tenantId: tenant.id,
            id: seedId(city.slug, "realisation", line.id, month),
            budgetLineId: line.id,
            month,
            amount,
            note: `Realisasi ${MONTH_NAMES[i]} ${line.year}`,
            status: verified ? ("VERIFIED" as const) : ("DRAFT" as const),
            verifiedAt: verified ? notAfter(addDays(lastDayOfMonth(line.year, month), random.int(3, 12)), seed.today) : null,
            ...(returned && !verified ? returnedOn(lastDayOfMonth(line.year, month), seed.today) : {}),
          },
        ];
      });
    });
  await db.budgetRealisation.createMany({ data: rows, skipDuplicates: true });
}

/**
 * A closed year ends with a few programmes well short of their pagu (procurement that slipped,
 * unspent budget returned), as real years do: the dashboards' "behind" flag has something to show.
 * Drawn from its own stream, so the other draws stay as they were.
 */
function underSpent(seed: CitySeed, programme: SeededProgramme): boolean {
  if (programme.spec.fiscalYear >= seed.today.getUTCFullYear()) return false;
  return createRandom(hashSeed(seed.seed, seed.city.slug, "under-spent", programme.id)).chance(0.25);
}

const notAfter = (date: Date, limit: Date) => (date > limit ? limit : date);

/** Sent back a few days after the month closed (never after today), with what to fix. */
function returnedOn(monthEnd: Date, today: Date) {
  const day = addDays(monthEnd, 4);
  return { returnNote: "Nomor SP2D belum dicantumkan; lengkapi lalu ajukan kembali.", returnedAt: day > today ? today : day };
}

/** Whole past years are fully realised and verified; the current year up to last month. */
function realisedMonths(year: number, asOf: Date): number {
  if (year < asOf.getUTCFullYear()) return 12;
  if (year > asOf.getUTCFullYear()) return 0;
  return asOf.getUTCMonth();
}
