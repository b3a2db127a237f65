import type { Db } from "@/lib/db";
import { DEMO_CITIES } from "./cities";
import type { CitySpec } from "./cities/types";
import { seedCity } from "./seed-city";
import { seedPlatformAdmin } from "./steps/seed-users";
import type { CitySummary } from "./steps/summarise-city";

export const DEFAULT_HOUSEHOLDS = 3_000;
export const DEFAULT_SEED = 20_240;

export type SeedDemoOptions = {
  /** Registry households per city; default 3,000. Raising it later adds households, never replaces them. */
  households?: number;
  /** Seed of the pseudo-random data; the same seed gives the same data. */
  seed?: number;
  /** Which cities; default Kota Mataram and Kota Kupang. */
  cities?: readonly CitySpec[];
  log?: (line: string) => void;
  /**
   * The moment the demo starts: each city's current fiscal year is the year of its day then, with
   * progress up to that day, and the years before are closed. Default: now (`db:seed` takes `--today`
   * or `SEED_TODAY`).
   */
  now?: Date;
  /** Whether to seed the platform admin: on the main pod only (default true). */
  platformAdmin?: boolean;
};

/**
 * The demo tenants with their areas, agencies, registry, programmes, budgets, trainings,
 * aid, Dana PEM and statistics. Idempotent: a second run adds nothing. Used by
 * `npm run db:seed`, the start script and the tests alike.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<CitySummary[]> {
  const households = options.households ?? DEFAULT_HOUSEHOLDS;
  if (!Number.isInteger(households) || households < 0) throw new Error(`households must be a whole number ≥ 0, got ${households}`);
  if (options.platformAdmin !== false) await seedPlatformAdmin(db);
  const summaries: CitySummary[] = [];
  for (const city of options.cities ?? DEMO_CITIES) {
    summaries.push(await seedCity(db, city, { seed: options.seed ?? DEFAULT_SEED, households, log: options.log ?? (() => {}), now: options.now }));
  }
  // A bulk write like any import: without statistics of what it wrote, the planner took the
  // tables for empty and nested the dashboards' summaries into each other (a results query ran
  // past the statement timeout on a 600-household demo until the ten-minute job analysed them).
  await db.$queryRaw`SELECT entas_refresh_stale_statistics()`;
  return summaries;
}
