// What the public page shows, read through the dashboards' own queries (so its figures are
// theirs, from the summaries the triggers keep: a few thousand rows at a million households),
// on the replica, and kept a few minutes per city, year and month (./cache.ts).
import { budgetDashboardQueries } from "@/features/dashboards/budget/queries";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { povertyDashboardQueries } from "@/features/dashboards/poverty/queries";
import { resultsDashboardQueries } from "@/features/dashboards/results/queries";
import { currentYearMonth, type YearMonth } from "@/lib/calendar/months";
import { db, withTenantReport, type Tx } from "@/lib/db";
import type { FundingSource } from "@/lib/generated/prisma/enums";
import type { Rupiah } from "@/lib/money";
import { ttlCache } from "./cache";

/** How long a city's figures are kept before the replica is read again. */
export const PUBLIC_FIGURES_TTL_MS = 5 * 60 * 1000;

export type PublicSource = { fundingSource: FundingSource; pagu: Rupiah; realised: Rupiah; absorption: number | null };

export type PublicKecamatan = { areaId: string; name: string; households: number; extremePoor: number; reached: number };

export type PublicFigures = {
  year: number;
  /** Households reached by at least one verified entry of the year's programmes (the results dashboard's). */
  reached: number;
  budget: { pagu: Rupiah; realised: Rupiah; absorption: number | null };
  sources: PublicSource[];
  /** Active households, extreme-poor households and those of them reached this year, per kecamatan. */
  kecamatan: PublicKecamatan[];
};

export type PublicCity = { id: string; slug: string; name: string; provinceName: string; timeZone: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The city behind a slug when its page is open; null both when there is no such city and when
 * its page is closed, so the page answers the two alike.
 */
export async function openPublicCity(slug: string): Promise<PublicCity | null> {
  if (slug.length > 64 || !SLUG.test(slug)) return null;
  const tenant = await db.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, provinceName: true, timeZone: true, publicPageEnabled: true },
  });
  if (!tenant?.publicPageEnabled) return null;
  const { publicPageEnabled: _, ...city } = tenant;
  return city;
}

/** The fiscal year and month the page speaks of: this one, in the city's own calendar. */
export function publicPageMonth(city: Pick<PublicCity, "timeZone">, now: Date = new Date()): YearMonth {
  return currentYearMonth(city.timeZone, now);
}

const cache = ttlCache<PublicFigures>(PUBLIC_FIGURES_TTL_MS);

/** The city's figures for a month of a fiscal year, from the cache when read in the last few minutes. */
export function publicFigures(tenantId: string, today: YearMonth): Promise<PublicFigures> {
  return cache.get(`${tenantId}:${today.year}:${today.month}`, () => withTenantReport(tenantId, (tx) => loadPublicFigures(tx, today)));
}

/** Forgets every kept figure (the tests, which change a city's figures between two reads). */
export function forgetPublicFigures(): void {
  cache.clear();
}

/** Reads the figures: the dashboards' queries for the whole city and the year. */
export async function loadPublicFigures(tx: Tx, today: YearMonth): Promise<PublicFigures> {
  const filters: DashboardFilters = { year: today.year, kecamatanId: null, opdId: null, programmeId: null };
  const [reached, summary, sources, byKecamatan, coverage] = await Promise.all([
    resultsDashboardQueries.reached(tx, filters),
    budgetDashboardQueries.summary(tx, filters, today),
    budgetDashboardQueries.bySource(tx, filters, today),
    povertyDashboardQueries.registryByKecamatan(tx, filters),
    povertyDashboardQueries.coverageByKelurahan(tx, filters),
  ]);
  const reachedIn = new Map<string, number>();
  for (const row of coverage) reachedIn.set(row.kecamatanId, (reachedIn.get(row.kecamatanId) ?? 0) + row.reached);
  return {
    year: today.year,
    reached,
    budget: { pagu: summary.total.pagu, realised: summary.total.realised, absorption: summary.total.absorption },
    sources: sources.map((row) => ({ fundingSource: row.fundingSource, pagu: row.pagu, realised: row.realised, absorption: row.absorption })),
    kecamatan: byKecamatan.map((row) => ({
      areaId: row.areaId,
      name: row.name,
      households: row.households,
      extremePoor: row.extremePoor,
      reached: reachedIn.get(row.areaId) ?? 0,
    })),
  };
}

/** Whether the city's public page is open (for the city admin's switch). */
export async function isPublicPageEnabled(tx: Tx, tenantId: string): Promise<boolean> {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { publicPageEnabled: true } });
  return tenant?.publicPageEnabled ?? false;
}
