// The SIPD code on the budget and results dashboards: the filter (programmes whose sub-kegiatan
// code starts with a programme or kegiatan code) and the group a programme falls in. Both read
// Programme."sipdCode" as the database holds it (its CHECK constraint fixes the format, so a
// prefix of fixed length is the programme or the kegiatan); a programme without a code is in
// the group NULL, "no SIPD code".
import { SIPD_PREFIX_LENGTH, type SipdLevel } from "@/features/budget/sipd-codes";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DashboardFilters } from "./filters";

export { SIPD_PREFIX_LENGTH, type SipdLevel };

/** The SIPD levels a dashboard groups by, in the order of their tables. */
export const SIPD_LEVELS = ["programme", "kegiatan"] as const satisfies readonly SipdLevel[];

/** The condition on the programmes `alias` for the filter's SIPD code, or none. */
export function sipdCondition(filters: DashboardFilters, alias: string): Prisma.Sql | null {
  if (!filters.sipdCode) return null;
  return Prisma.sql`starts_with(${Prisma.raw(`${alias}."sipdCode"`)}, ${`${filters.sipdCode}.`})`;
}

/** The programme's group at `level`: its code's first 7 or 12 characters, NULL without a code. */
export function sipdGroupKey(level: SipdLevel, alias: string): Prisma.Sql {
  return Prisma.sql`substring(${Prisma.raw(`${alias}."sipdCode"`)} from 1 for ${Prisma.raw(String(SIPD_PREFIX_LENGTH[level]))})`;
}
