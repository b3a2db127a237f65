import { describe, expect, it } from "vitest";
import {
  EMPTY_VALUE,
  formatDateLong,
  formatDateShort,
  formatMoment,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
  formatWeekdayShort,
} from "@/lib/format";

// Outputs separate figure and unit with a no-break space; tests write it as "_" for legibility.
const nb = (text: string) => text.replaceAll("_", "\u00a0");

describe("formatNumber", () => {
  it("groups thousands with dots", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(-1500)).toBe("-1.500");
  });

  it("formats bigints exactly, beyond float precision", () => {
    expect(formatNumber(9_007_199_254_740_993n)).toBe("9.007.199.254.740.993");
  });

  it("rounds to whole numbers by default, half away from zero", () => {
    expect(formatNumber(2.5)).toBe("3");
    expect(formatNumber(-2.5)).toBe("-3");
    expect(formatNumber(1234.5678, { maximumFractionDigits: 2 })).toBe("1.234,57");
  });

  it("uses English separators in English", () => {
    expect(formatNumber(1234567, { locale: "en" })).toBe("1,234,567");
  });

  it("shows a dash for values that are not numbers", () => {
    expect(formatNumber(Number.NaN)).toBe(EMPTY_VALUE);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(EMPTY_VALUE);
  });
});

describe("formatPercent", () => {
  it("takes percent units and writes a comma and a space before %", () => {
    expect(formatPercent(8.61)).toBe(nb("8,61_%"));
    expect(formatPercent(100)).toBe(nb("100_%"));
    expect(formatPercent(0)).toBe(nb("0_%"));
  });

  it("rounds to two decimals by default and pads on request", () => {
    expect(formatPercent(6.115)).toBe(nb("6,12_%"));
    expect(formatPercent(5.7, { minimumFractionDigits: 2 })).toBe(nb("5,70_%"));
    expect(formatPercent(12.345, { maximumFractionDigits: 1 })).toBe(nb("12,3_%"));
  });

  it("handles negative changes", () => {
    expect(formatPercent(-0.33)).toBe(nb("-0,33_%"));
  });

  it("writes English without the space", () => {
    expect(formatPercent(8.61, { locale: "en" })).toBe("8.61%");
  });

  it("shows a dash when there is no base", () => {
    expect(formatPercent(null)).toBe(EMPTY_VALUE);
    expect(formatPercent(undefined)).toBe(EMPTY_VALUE);
  });
});

describe("formatRupiah", () => {
  it("writes whole Rupiah in full", () => {
    expect(formatRupiah(10_400_000_000n)).toBe(nb("Rp_10.400.000.000"));
    expect(formatRupiah(0n)).toBe(nb("Rp_0"));
    expect(formatRupiah(49_000_000n)).toBe(nb("Rp_49.000.000"));
  });

  it("puts the minus before Rp", () => {
    expect(formatRupiah(-1_500_000n)).toBe(nb("-Rp_1.500.000"));
  });

  it("keeps precision beyond Number.MAX_SAFE_INTEGER", () => {
    expect(formatRupiah(9_223_372_036_854_775_807n)).toBe(nb("Rp_9.223.372.036.854.775.807"));
  });

  it("uses English grouping in English", () => {
    expect(formatRupiah(1_500_000n, { locale: "en" })).toBe(nb("Rp_1,500,000"));
  });
});

describe("formatRupiahShort", () => {
  it("uses juta, miliar and triliun", () => {
    expect(formatRupiahShort(10_400_000_000n)).toBe(nb("Rp_10,4_miliar"));
    expect(formatRupiahShort(5_900_000_000n)).toBe(nb("Rp_5,9_miliar"));
    expect(formatRupiahShort(200_000_000n)).toBe(nb("Rp_200_juta"));
    expect(formatRupiahShort(1_000_000n)).toBe(nb("Rp_1_juta"));
    expect(formatRupiahShort(2_500_000_000_000n)).toBe(nb("Rp_2,5_triliun"));
  });

  it("writes amounts under one million in full", () => {
    expect(formatRupiahShort(999_999n)).toBe(nb("Rp_999.999"));
    expect(formatRupiahShort(0n)).toBe(nb("Rp_0"));
  });

  it("rounds half away from zero on the exact amount", () => {
    expect(formatRupiahShort(1_250_000n)).toBe(nb("Rp_1,3_juta"));
    expect(formatRupiahShort(1_249_999n)).toBe(nb("Rp_1,2_juta"));
    expect(formatRupiahShort(-1_250_000n)).toBe(nb("-Rp_1,3_juta"));
    expect(formatRupiahShort(1_250_000n, { maximumFractionDigits: 2 })).toBe(nb("Rp_1,25_juta"));
  });

  it("drops trailing zeros", () => {
    expect(formatRupiahShort(10_000_000_000n)).toBe(nb("Rp_10_miliar"));
    expect(formatRupiahShort(1_000_400_000n)).toBe(nb("Rp_1_miliar"));
  });

  it("moves up a word when rounding reaches a thousand", () => {
    expect(formatRupiahShort(999_960_000n)).toBe(nb("Rp_1_miliar"));
    expect(formatRupiahShort(999_940_000n)).toBe(nb("Rp_999,9_juta"));
  });

  it("keeps counting in triliun beyond a thousand triliun", () => {
    expect(formatRupiahShort(1_234_000_000_000_000n)).toBe(nb("Rp_1.234_triliun"));
  });

  it("uses English words in English", () => {
    expect(formatRupiahShort(10_400_000_000n, { locale: "en" })).toBe(nb("Rp_10.4_billion"));
  });
});

describe("dates", () => {
  const day = new Date(Date.UTC(2026, 10, 23));

  it("writes the month short on screen and in full on paper, in Indonesian", () => {
    expect(formatDateShort(day)).toBe("23 Nov 2026");
    expect(formatDateLong(day)).toBe("23 November 2026");
    expect(formatDateShort(new Date(Date.UTC(2026, 7, 17)))).toBe("17 Agu 2026");
    expect(formatDateShort(new Date(Date.UTC(2026, 11, 10)))).toBe("10 Des 2026");
    expect(formatDateLong(new Date(Date.UTC(2026, 4, 1)))).toBe("1 Mei 2026");
  });

  it("writes English dates day first, the month short on screen and in full on paper", () => {
    expect(formatDateShort(day, { locale: "en" })).toBe("23 Nov 2026");
    expect(formatDateLong(day, { locale: "en" })).toBe("23 November 2026");
    expect(formatDateShort(new Date(Date.UTC(2026, 8, 1)), { locale: "en" })).toBe("1 Sept 2026");
  });

  it("keeps a date-only value (UTC midnight) on its calendar day", () => {
    expect(formatDateLong(new Date("2026-01-01T00:00:00Z"))).toBe("1 Januari 2026");
    expect(formatDateShort(new Date("2026-01-01T00:00:00Z"))).toBe("1 Jan 2026");
  });

  it("reads timestamps in the given zone", () => {
    const lateEvening = new Date("2026-11-23T16:30:00Z"); // 23:30 WIB, 00:30 WITA
    expect(formatDateLong(lateEvening)).toBe("23 November 2026");
    expect(formatDateShort(lateEvening, { timeZone: "Asia/Makassar" })).toBe("24 Nov 2026");
    expect(formatMoment(lateEvening, { timeZone: "Asia/Makassar" })).toBe("24 Nov 2026, 00.30.00");
    expect(formatMoment(lateEvening, { timeZone: "Asia/Makassar", part: "time" })).toBe("00.30.00");
  });

  it("names the weekday of a day in a run of days", () => {
    expect(formatWeekdayShort(day, { timeZone: "UTC" })).toBe("Sen, 23 Nov");
    expect(formatWeekdayShort(day, { locale: "en", timeZone: "UTC" })).toBe("Mon 23 Nov");
  });
});
