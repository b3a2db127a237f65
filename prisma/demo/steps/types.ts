import type { Db } from "@/lib/db";
import type { CitySpec, ProgrammeSpec } from "../cities/types";
import type { GeneratedHousehold, GeneratedMember } from "../registry/types";

/** What every step of a city's seed receives. */
export type CitySeed = {
  db: Db;
  city: CitySpec;
  tenant: { id: string; name: string };
  /** Seed of the pseudo-random streams; the same seed gives the same data. */
  seed: number;
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
