import { describe, expect, it } from "vitest";
import { createRandom, hashSeed } from "@/prisma/demo/random";
import { seedId } from "@/prisma/demo/ids";
import { addMonths, ageOn, utcDate } from "@/lib/calendar/days";

describe("createRandom", () => {
  it("repeats its sequence for the same seed", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("stays within bounds and covers them", () => {
    const random = createRandom(1);
    const values = Array.from({ length: 2_000 }, () => random.int(1, 7));
    expect(Math.min(...values)).toBe(1);
    expect(Math.max(...values)).toBe(7);
    expect(values.every(Number.isInteger)).toBe(true);
  });

  it("picks by weight", () => {
    const random = createRandom(9);
    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ["a", 1],
        ["b", 3],
      ] as const),
    );
    const share = picks.filter((pick) => pick === "b").length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = createRandom(5).shuffle(input);
    expect(shuffled).not.toEqual(input);
    expect([...shuffled].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("forks independent streams that do not depend on draws in the parent", () => {
    const a = createRandom(3);
    const b = createRandom(3);
    b.next();
    expect(a.fork("x").next()).toBe(b.fork("x").next());
    expect(a.fork("x").next()).not.toBe(a.fork("y").next());
  });
});

describe("hashSeed and seedId", () => {
  it("are deterministic and separate their parts", () => {
    expect(hashSeed(1, "a")).toBe(hashSeed(1, "a"));
    expect(hashSeed("1a")).not.toBe(hashSeed(1, "a"));
    expect(seedId("mataram", "household", 0)).toBe(seedId("mataram", "household", 0));
    expect(seedId("mataram", "household", 0)).not.toBe(seedId("kupang", "household", 0));
  });

  it("look like cuids", () => {
    expect(seedId("mataram", "member", 12, 3)).toMatch(/^c[0-9a-z]{24}$/);
  });
});

describe("dates", () => {
  it("adds months without spilling into the next month", () => {
    expect(addMonths(utcDate(2024, 1, 31), 1)).toEqual(utcDate(2024, 2, 29));
    expect(addMonths(utcDate(2024, 11, 15), 3)).toEqual(utcDate(2025, 2, 15));
  });

  it("counts whole years of age", () => {
    expect(ageOn(utcDate(1990, 7, 2), utcDate(2024, 7, 1))).toBe(33);
    expect(ageOn(utcDate(1990, 7, 1), utcDate(2024, 7, 1))).toBe(34);
  });
});
