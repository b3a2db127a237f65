// The demo is dated from the day it is seeded: `--today`/SEED_TODAY names that day, and each
// city's plan moves to its year.
import { describe, expect, it } from "vitest";
import { todayIn } from "@/lib/calendar/days";
import { cityOn, kupang, mataram } from "@/prisma/demo/cities";
import { demoFiscalYear, seedNowFor } from "@/prisma/demo/demo-today";
import { utcDate } from "@/lib/calendar/days";

describe("the seed's today", () => {
  it("is the named day in every Indonesian time zone", () => {
    const now = seedNowFor("2026-12-31")!;
    for (const zone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]) expect(todayIn(zone, now)).toBe("2026-12-31");
    expect(demoFiscalYear(now)).toBe(2026);
  });

  it("is the real now when no day is named, and refuses what is not a day", () => {
    expect(seedNowFor(undefined)).toBeUndefined();
    expect(seedNowFor("")).toBeUndefined();
    for (const bad of ["2026-02-30", "6/12/2026", "2026-12-6", "tomorrow"]) expect(() => seedNowFor(bad), bad).toThrow(/2026-12-06/);
  });
});

describe("a city's plan on a day", () => {
  it("puts Kupang's current programmes in that year, the others before, and its Dana PEM funds in the years before", () => {
    const moved = cityOn(kupang, utcDate(2031, 3, 9));
    expect(new Set(moved.programmes.map((p) => p.fiscalYear))).toEqual(new Set([2030, 2031]));
    expect(moved.programmes.filter((p) => p.fiscalYear === 2031).map((p) => p.name)).toEqual(
      kupang.programmes.filter((p) => p.fiscalYear === kupang.fiscalYear).map((p) => p.name),
    );
    expect(Math.max(...moved.revolvingFunds.map((fund) => fund.year))).toBe(2030);
    expect(moved.revolvingFunds.filter((fund) => fund.kelurahan === "Naikoten Satu").map((fund) => fund.year)).toEqual([2029, 2030]);
  });

  it("gives Mataram this year's programmes and last year's, and keeps the statistics' and targets' real years", () => {
    const moved = cityOn(mataram, utcDate(2031, 3, 9));
    const byYear = (year: number) => moved.programmes.filter((p) => p.fiscalYear === year).length;
    expect(byYear(2031)).toBeGreaterThan(0);
    expect(byYear(2030)).toBe(byYear(2031));
    expect(byYear(2031) + byYear(2030)).toBe(moved.programmes.length);
    expect(moved.statistics).toEqual(mataram.statistics);
    expect(moved.targets).toEqual(mataram.targets);
  });
});
