import type { Db } from "@/lib/db";
import type { CitySpec, ProgrammeSpec } from "../cities/types";
import type { GeneratedHousehold, GeneratedMember } from "../registry/types";

/** What every step of a city's seed receives. */
export type CitySeed = {
  db: Db;
  /** The city's plan moved to the year of `today` (see `cityOn`). */
  city: CitySpec;
  tenant: { id: string; name: string };
  /** Seed of the pseudo-random streams; the same seed gives the same data. */
  seed: number;
  /**
   * The city's today (its time zone's calendar day as a UTC midnight, or the seed's `now`):
   * what has happened by then is recorded, what is later is not, or is still a draft.
   */
  today: Date;
};

export type SeededMember = GeneratedMember & { id: string };

export type SeededHousehold = Omit<GeneratedHousehold, "members"> & {
  id: string;
  kecamatanId: string;
  kelurahanId: string;
  members: SeededMember[];
};

export type SeededProgramme = {
  id: string;
  spec: ProgrammeSpec;
  opdId: string;
  opdShortName: string;
  budgetLines: Array<{ id: string; pagu: bigint }>;
};
