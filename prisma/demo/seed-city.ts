import type { Db } from "@/lib/db";
import { cityOn } from "./cities/relative";
import type { CitySpec } from "./cities/types";
import { seedAid } from "./steps/seed-aid";
import { dayToDate, todayIn } from "@/lib/calendar/days";
import { seedChangeRequests } from "./steps/seed-change-requests";
import { seedDuplicates } from "./steps/seed-duplicates";
import { seedLiveFund } from "./steps/seed-live-fund";
import { seedOpds } from "./steps/seed-opds";
import { seedProgrammes } from "./steps/seed-programmes";
import { seedRealisations } from "./steps/seed-realisations";
import { seedRecentActivity } from "./steps/seed-recent";
import { seedRegistry } from "./steps/seed-registry";
import { seedRevolvingFunds } from "./steps/seed-revolving-funds";
import { seedStatistics } from "./steps/seed-statistics";
import { seedServedAccessReport } from "./steps/seed-subject-access";
import { seedTenant } from "./steps/seed-tenant";
import { seedTrainings } from "./steps/seed-trainings";
import { seedUsers } from "./steps/seed-users";
import { summariseCity, type CitySummary } from "./steps/summarise-city";
import type { CitySeed } from "./steps/types";

export type SeedCityOptions = {
  seed: number;
  households: number;
  log: (line: string) => void;
  /** The moment the demo starts: everything is dated back (and on) from the city's day then; tests fix it, the default is now. */
  now?: Date;
};

/** One city's demo data, step by step; every step is idempotent. */
export async function seedCity(db: Db, city: CitySpec, options: SeedCityOptions): Promise<CitySummary> {
  const { log } = options;
  const timed = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await step();
    log(`  ${label.padEnd(16)} ${Math.round(performance.now() - started)} ms`);
    return result;
  };

  log(`${city.slug} (${city.kemendagriCode})`);
  const { tenant } = await timed("tenant, areas", () => seedTenant(db, city));
  // The app's clock (cityToday): the calendar day in the city's time zone.
  const { timeZone } = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { timeZone: true } });
  const today = dayToDate(todayIn(timeZone, options.now));
  const seed: CitySeed = { db, city: cityOn(city, today), tenant, seed: options.seed, today };
  const opds = await timed("opds", () => seedOpds(seed));
  const registry = await timed("registry", () => seedRegistry(seed, options.households));
  const programmes = await timed("programmes", () => seedProgrammes(seed, opds));
  await timed("realisations", () => seedRealisations(seed, programmes));
  await timed("trainings", () => seedTrainings(seed, programmes, registry));
  await timed("aid", () => seedAid(seed, programmes, registry));
  await timed("last week", () => seedRecentActivity(seed, programmes, registry));
  // The seed writes years of entries at once: reached households are dated by their entries, not the run.
  await timed("reach dates", () => db.$executeRaw`SELECT entas_reach_first_reached_fill(${tenant.id})`);
  // Accounts before Dana PEM: the demo kelurahan's loans name their proposer and approver.
  await timed("accounts", () => seedUsers(seed));
  await timed("access report", () => seedServedAccessReport(seed));
  await timed("change requests", () => seedChangeRequests(seed));
  await timed("dana pem", () => seedRevolvingFunds(seed, registry));
  await timed("dana pem today", () => seedLiveFund(seed, registry));
  await timed("statistics", () => seedStatistics(seed));
  // Last: it renames a few heads, after every step that picks people has picked.
  await timed("duplicates", () => seedDuplicates(seed));
  return summariseCity(db, { id: tenant.id, slug: city.slug, name: tenant.name });
}
