// A chart's value axis steps by round figures from zero and writes Rupiah the way people say it.
import { describe, expect, it } from "vitest";
import { chartTickFormatter, chartValueFormatter } from "@/features/dashboards/ui/chart-format";
import { chartMax, niceTicks } from "@/features/dashboards/ui/chart-ticks";

describe("the ticks of a value axis", () => {
  it("step by hundreds to a round top when the largest value is 380, not by 95", () => {
    expect(niceTicks(380, { integer: true })).toEqual([0, 100, 200, 300, 400]);
  });

  it("step by 1, 2 or 5 times a power of ten, from zero to the first step at or above the largest value", () => {
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(8.61)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(15_250_000, { integer: true })).toEqual([0, 5_000_000, 10_000_000, 15_000_000, 20_000_000]);
    expect(niceTicks(1_200_000_000, { integer: true })).toEqual([0, 500_000_000, 1_000_000_000, 1_500_000_000]);
  });

  it("are whole numbers for counts, however few", () => {
    expect(niceTicks(3, { integer: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, { integer: true })).toEqual([0, 1]);
  });

  it("give one step when nothing is above zero", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });

  it("never number more than the steps asked for, nor fewer than two above a maximum of 1", () => {
    for (let max = 2; max < 5000; max += 7) {
      const ticks = niceTicks(max, { integer: true });
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
      expect(ticks.length - 1).toBeGreaterThanOrEqual(2);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
  });
});

describe("the largest value a chart draws", () => {
  const data = [
    { name: "Ampenan", reached: 120, unreached: 260 },
    { name: "Cakranegara", reached: "<5", unreached: 300 },
    { name: "Mataram", reached: null, unreached: 90 },
  ];

  it("is the longest bar, or the tallest stack when stacked; a marker or null counts as nothing", () => {
    expect(chartMax(data, ["reached", "unreached"])).toBe(300);
    expect(chartMax(data, ["reached", "unreached"], true)).toBe(380);
    expect(chartMax([], ["reached"])).toBe(0);
  });
});

describe("an axis tick or a figure on a bar", () => {
  it("writes Rupiah short, as said aloud: Rp 15 juta, Rp 1,2 miliar (English: million, billion)", () => {
    const id = chartTickFormatter("rupiah", "id");
    const en = chartTickFormatter("rupiah", "en");
    expect([id(15_000_000), id(1_200_000_000), id(0)]).toEqual(["Rp\u00a015\u00a0juta", "Rp\u00a01,2\u00a0miliar", "Rp\u00a00"]);
    expect([en(15_000_000), en(1_200_000_000)]).toEqual(["Rp\u00a015\u00a0million", "Rp\u00a01.2\u00a0billion"]);
  });

  it("writes counts and percentages as the tables do", () => {
    expect(chartTickFormatter("count", "id")(12_500)).toBe("12.500");
    expect(chartTickFormatter("percent", "id")(87.5)).toBe("87,5\u00a0%");
    expect(chartTickFormatter("percent", "en")(87.5)).toBe("87.5%");
  });

  it("while the tooltip gives Rupiah in full", () => {
    expect(chartValueFormatter("rupiah", "id")(15_250_000)).toBe("Rp\u00a015.250.000");
    expect(chartValueFormatter("rupiah", "id")("x")).toBe("–");
  });
});
