import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateNik, generateNoKk, maskNik, nikMatchesBirthDate, nikRegionCode, NIK_REASONS, NO_KK_REASONS, parseNik, parseNoKk } from "@/lib/identity/nik";

const today = new Date(Date.UTC(2026, 10, 23));
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe("parseNik", () => {
  it("reads region, birth date, sex and serial of a man", () => {
    expect(parseNik("5271010101900001", today)).toEqual({
      ok: true,
      value: { regionCode: "527101", birthDate: utc(1990, 1, 1), sex: "MALE", serial: 1 },
    });
  });

  it("reads a woman's birth day as the encoded day minus 40", () => {
    const parsed = parseNik("5371054512850023", today);
    expect(parsed).toEqual({
      ok: true,
      value: { regionCode: "537105", birthDate: utc(1985, 12, 5), sex: "FEMALE", serial: 23 },
    });
  });

  it("puts the birth year in the latest century not after today", () => {
    expect(parseNik("5271011503200001", today)).toMatchObject({ value: { birthDate: utc(2020, 3, 15) } });
    expect(parseNik("5271011503400001", today)).toMatchObject({ value: { birthDate: utc(1940, 3, 15) } });
    // 1 December '26 has not come yet on 23 November 2026.
    expect(parseNik("5271010112260001", today)).toMatchObject({ value: { birthDate: utc(1926, 12, 1) } });
  });

  it.each([
    ["527101010190000", NIK_REASONS.format],
    ["52710101019000011", NIK_REASONS.format],
    ["52710101019O0001", NIK_REASONS.format],
    ["", NIK_REASONS.format],
    ["0971010101900001", NIK_REASONS.region],
    ["5200010101900001", NIK_REASONS.region],
    ["5271003101900001", NIK_REASONS.region],
    ["5271013102900001", NIK_REASONS.birthDate],
    ["5271017102900001", NIK_REASONS.birthDate],
    ["5271010013900001", NIK_REASONS.birthDate],
    ["5271010000900001", NIK_REASONS.birthDate],
    ["5271013202900001", NIK_REASONS.birthDate],
    ["5271012902230001", NIK_REASONS.birthDate],
    ["5271010101900000", NIK_REASONS.serial],
  ])("rejects %s: %s", (nik, reason) => {
    expect(parseNik(nik, today)).toEqual({ ok: false, key: reason });
  });

  it("accepts 29 February only in leap years, for women too", () => {
    expect(parseNik("5271016902240001", today)).toMatchObject({ ok: true, value: { sex: "FEMALE" } });
    expect(parseNik("5271016902250001", today)).toEqual({ ok: false, key: NIK_REASONS.birthDate });
  });

  it("ignores surrounding spaces", () => {
    expect(parseNik(" 5271010101900001 ", today).ok).toBe(true);
  });
});

describe("generateNik", () => {
  it("encodes a woman's day plus 40 and pads the serial", () => {
    expect(generateNik({ regionCode: "52.71.01.1004", birthDate: utc(1990, 1, 1), sex: "FEMALE", serial: 7 })).toBe("5271014101900007");
    expect(generateNik({ regionCode: "527101", birthDate: utc(1990, 1, 1), sex: "MALE", serial: 1 })).toBe("5271010101900001");
  });

  it("refuses serials outside 1–9999 and malformed regions", () => {
    const base = { regionCode: "527101", birthDate: utc(1990, 1, 1), sex: "MALE" as const };
    expect(() => generateNik({ ...base, serial: 0 })).toThrow();
    expect(() => generateNik({ ...base, serial: 10_000 })).toThrow();
    expect(() => generateNik({ ...base, regionCode: "52.71", serial: 1 })).toThrow();
  });

  it("round-trips through parseNik for any birth date in the last 99 years", () => {
    fc.assert(
      fc.property(
        fc.date({ min: utc(1928, 1, 1), max: today, noInvalidDate: true }),
        fc.constantFrom("MALE" as const, "FEMALE" as const),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom("52.71.01", "52.71.06.1007", "53.71.05.1004"),
        (instant, sex, serial, areaCode) => {
          const birthDate = utc(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
          const nik = generateNik({ regionCode: areaCode, birthDate, sex, serial });
          expect(nik).toMatch(/^\d{16}$/);
          expect(parseNik(nik, today)).toEqual({
            ok: true,
            value: { regionCode: nikRegionCode(areaCode), birthDate, sex, serial },
          });
          expect(nikMatchesBirthDate(nik, birthDate, sex)).toBe(true);
        },
      ),
    );
  });
});

describe("nikMatchesBirthDate", () => {
  const woman = "5271014101900007";

  it("checks the date digits and, when given, the sex", () => {
    expect(nikMatchesBirthDate(woman, utc(1990, 1, 1))).toBe(true);
    expect(nikMatchesBirthDate(woman, utc(1990, 1, 1), "FEMALE")).toBe(true);
    expect(nikMatchesBirthDate(woman, utc(1990, 1, 1), "MALE")).toBe(false);
    expect(nikMatchesBirthDate(woman, utc(1990, 1, 2))).toBe(false);
    expect(nikMatchesBirthDate(woman, utc(1991, 1, 1))).toBe(false);
  });
});

describe("No. KK", () => {
  it("round-trips region, issue date and serial without a sex offset", () => {
    const noKk = generateNoKk({ regionCode: "53.71.05", issueDate: utc(2018, 7, 24), serial: 312 });
    expect(noKk).toBe("5371052407180312");
    expect(parseNoKk(noKk, today)).toEqual({
      ok: true,
      value: { regionCode: "537105", issueDate: utc(2018, 7, 24), serial: 312 },
    });
  });

  it.each([
    ["53710524071803", NO_KK_REASONS.format],
    ["5300052407180312", NO_KK_REASONS.region],
    ["5371056407180312", NO_KK_REASONS.issueDate],
    ["5371052407180000", NO_KK_REASONS.serial],
  ])("rejects %s: %s", (noKk, reason) => {
    expect(parseNoKk(noKk, today)).toEqual({ ok: false, key: reason });
  });
});

describe("maskNik", () => {
  it("keeps only the last four digits: no region, no birth date", () => {
    expect(maskNik("5271010101900001")).toBe("••••••••••••0001");
  });

  it("hides short values entirely", () => {
    expect(maskNik("12345678")).toBe("••••••••");
  });
});

describe("nikRegionCode", () => {
  it("takes the kecamatan digits of a kelurahan code", () => {
    expect(nikRegionCode("52.71.01.1001")).toBe("527101");
    expect(nikRegionCode("53.71.05")).toBe("537105");
    expect(() => nikRegionCode("52.71")).toThrow();
  });
});
