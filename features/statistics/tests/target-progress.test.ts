// Where a BPS figure stands against its target, said according to the year it is today: a target
// year still running is "on the way", a target year that is over and not met is said to have passed.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import id from "@/messages/id/Statistics.json";
import en from "@/messages/en/Statistics.json";
import type { StatisticsT } from "@/features/statistics/tables";
import { figureTrend, targetGap, targetPhase, targetSentence, trendSentence } from "@/features/statistics/target-progress";

const words = (locale: "id" | "en") =>
  createTranslator({ locale, messages: { Statistics: locale === "id" ? id : en }, namespace: "Statistics" }) as unknown as StatisticsT;

/** The sentence with its non-breaking spaces ("8,61 %" keeps its sign with the number) as plain ones. */
const plain = (text: string | null) => text?.replace(/\u00a0/g, " ") ?? null;

const extremeRate = (currentYear: number, latest = { year: 2024, value: 0.37 }, people = 1_750) =>
  plain(targetSentence(words("id"), { latest, people, target: { year: 2024, value: 0 }, currentYear, kind: "rate", locale: "id" }));

describe("the phase of a target", () => {
  it("is on the way before and during the target year", () => {
    expect(targetPhase({ targetYear: 2024, gap: 0.94, currentYear: 2023 })).toBe("ahead");
    expect(targetPhase({ targetYear: 2024, gap: 0.37, currentYear: 2024 })).toBe("ahead");
  });

  it("has passed once the year after the target year has begun and the figure is still above it", () => {
    expect(targetPhase({ targetYear: 2024, gap: 0.37, currentYear: 2025 })).toBe("passed");
    expect(targetPhase({ targetYear: 2024, gap: null, currentYear: 2026 })).toBe("passed");
  });

  it("is reached at or below the target, whatever the year", () => {
    expect(targetPhase({ targetYear: 2024, gap: 0, currentYear: 2023 })).toBe("reached");
    expect(targetPhase({ targetYear: 2024, gap: 0, currentYear: 2026 })).toBe("reached");
  });

  it("counts an unknown gap as not reached", () => {
    expect(targetPhase({ targetYear: 2024, gap: null, currentYear: 2024 })).toBe("ahead");
  });
});

describe("the gap to a target", () => {
  it("is what is left above the target, without float dust, and never below zero", () => {
    expect(targetGap(8.25, 8)).toBe(0.25);
    expect(targetGap(8.61, 8.6)).toBe(0.01);
    expect(targetGap(7.9, 8)).toBe(0);
  });
});

describe("the target sentence", () => {
  it("before the target year says how far the city still has to go", () => {
    expect(extremeRate(2023, { year: 2023, value: 0.94 }, 4_415)).toBe(
      "Menuju target 2024: 0 %; kota 0,94 % (4.415 orang) pada 2023, masih 0,94 poin persentase lagi.",
    );
  });

  it("in the target year still says it is on the way", () => {
    expect(extremeRate(2024)).toBe("Menuju target 2024: 0 %; kota 0,37 % (1.750 orang) pada 2024, masih 0,37 poin persentase lagi.");
  });

  it("after the target year says the date has passed and how far above the target the city still is", () => {
    const sentence = extremeRate(2026);
    expect(sentence).toBe("Target 2024 sudah lewat; kota masih 0,37 % (1.750 orang) pada 2024, 0,37 poin persentase di atas target 0 %.");
    expect(sentence).not.toContain("Menuju");
  });

  it("says a reached target is reached, also after its year", () => {
    expect(extremeRate(2026, { year: 2024, value: 0 }, 0)).toBe("Target 2024 (0 %) tercapai: kota 0,00 % (0 orang) pada 2024.");
  });

  it("names a kecamatan, and counts people for a number-of-people target", () => {
    const sentence = targetSentence(words("id"), {
      latest: { year: 2024, value: 39_020 },
      target: { year: 2025, value: 35_000 },
      currentYear: 2026,
      kind: "people",
      locale: "id",
      area: "Ampenan",
    });
    expect(plain(sentence)).toBe("Target 2025 sudah lewat; Ampenan masih 39.020 orang pada 2024, 4.020 orang di atas target 35.000 orang.");
  });

  it("is in English with English numbers", () => {
    const sentence = targetSentence(words("en"), {
      latest: { year: 2024, value: 8.25 },
      people: 39_020,
      target: { year: 2024, value: 8 },
      currentYear: 2026,
      kind: "rate",
      locale: "en",
    });
    expect(plain(sentence)).toBe(
      "The 2024 target date has passed; the city is still at 8.25% (39,020 people) in 2024, 0.25 percentage points above the target of 8%.",
    );
  });
});

describe("the trend of a figure", () => {
  const points = [
    { year: 2019, value: 2.39 },
    { year: 2022, value: 1.47 },
    { year: 2024, value: 0.37 },
  ];

  it("is the change from the first to the last observed year", () => {
    expect(figureTrend(points)).toEqual({ fromYear: 2019, from: 2.39, toYear: 2024, to: 0.37, change: -2.02 });
    expect(figureTrend(points.slice(0, 1))).toBeNull();
  });

  it("says how far the figure fell or rose since the first year", () => {
    expect(plain(trendSentence(words("id"), points, { locale: "id", kind: "rate" }))).toBe("Turun 2,02 poin persentase sejak 2019.");
    expect(plain(trendSentence(words("id"), [...points].reverse(), { locale: "id", kind: "rate" }))).toBe("Naik 2,02 poin persentase sejak 2024.");
    expect(plain(trendSentence(words("en"), points, { locale: "en", kind: "rate" }))).toBe("Down 2.02 percentage points since 2019.");
  });
});
