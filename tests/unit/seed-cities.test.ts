import { describe, expect, it } from "vitest";
import { findRegency, listRegencyAreas, toTitleCase } from "@/features/areas";
import { importStatisticSchema } from "@/features/statistics/schemas";
import { DEMO_CITIES, kupang, mataram } from "@/prisma/demo";
import type { CitySpec } from "@/prisma/demo";

const sumPagu = (city: CitySpec, year: number, source?: string) =>
  city.programmes
    .filter((programme) => programme.fiscalYear === year)
    .flatMap((programme) => programme.budgetLines)
    .filter((line) => !source || line.fundingSource === source)
    .reduce((sum, line) => sum + line.pagu, 0n);

describe("Kota Mataram's 2024 budget", () => {
  it("adds up to Rp 10,4 miliar: Rp 5,9 miliar fiscal incentive and Rp 4,5 miliar APBD", () => {
    expect(sumPagu(mataram, 2024)).toBe(10_400_000_000n);
    expect(sumPagu(mataram, 2024, "FISCAL_INCENTIVE")).toBe(5_900_000_000n);
    expect(sumPagu(mataram, 2024, "APBD")).toBe(4_500_000_000n);
  });

  it("gives Disnaker Rp 1 miliar for tool kits", () => {
    const toolKits = mataram.programmes.find((programme) => programme.kind === "EQUIPMENT_AID" && programme.opdCode === "2.07");
    expect(toolKits?.budgetLines.reduce((sum, line) => sum + line.pagu, 0n)).toBe(1_000_000_000n);
  });
});

describe.each(DEMO_CITIES)("the $slug demo spec", (city) => {
  it("names only its own OPDs, once per programme name and year", () => {
    const codes = new Set(city.opds.map((opd) => opd.code));
    const keys = city.programmes.map((programme) => `${programme.opdCode}/${programme.fiscalYear}/${programme.name}`);
    for (const programme of city.programmes) expect(codes).toContain(programme.opdCode);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(city.opds.map((opd) => opd.shortName)).size).toBe(city.opds.length);
  });

  it("gives tool kits only for trainings of the same year that define one", () => {
    for (const programme of city.programmes.filter((p) => p.toolKits)) {
      for (const name of programme.toolKits!.forGraduatesOf) {
        const training = city.programmes.find((p) => p.name === name && p.fiscalYear === programme.fiscalYear);
        expect(training?.training?.toolKit, name).toBeDefined();
      }
    }
  });

  it("has whole-Rupiah budget lines and realistic aid values", () => {
    for (const programme of city.programmes) {
      expect(programme.budgetLines.length).toBeGreaterThan(0);
      for (const line of programme.budgetLines) expect(line.pagu).toBeGreaterThan(0n);
    }
  });

  it("places its Dana PEM funds in real kelurahan", async () => {
    const kelurahan = (await listRegencyAreas(city.kemendagriCode)).flatMap((kecamatan) => kecamatan.kelurahan.map((k) => k.name));
    for (const fund of city.revolvingFunds) expect(kelurahan).toContain(fund.kelurahan);
  });

  it("gives every year of its BPS series P1, P2 and a poverty line the statistics form takes, the line rising year on year", () => {
    for (const row of city.statistics) {
      const parsed = importStatisticSchema.safeParse({
        ...row,
        year: String(row.year),
        areaId: "",
        poorPeople: String(row.poorPeople),
        extremePoorPeople: String(row.extremePoorPeople),
      });
      expect(parsed.success, `${row.year}: ${parsed.error?.message}`).toBe(true);
      expect(parsed.data).toMatchObject({ p1: expect.any(Number), p2: expect.any(Number), povertyLineRupiah: row.povertyLineRupiah });
    }
    const lines = city.statistics.map((row) => row.povertyLineRupiah ?? 0n);
    expect(lines.every((line, i) => i === 0 || line > lines[i - 1]!)).toBe(true);
  });
});

describe("Kota Mataram's BPS series", () => {
  it("has a poverty line of Rp 600–700 thousand per person per month in 2023 and 2024, with P1 and P2 of a city its size", () => {
    for (const row of mataram.statistics.filter((row) => row.year >= 2023)) {
      expect(row.povertyLineRupiah! >= 600_000n && row.povertyLineRupiah! <= 700_000n, String(row.year)).toBe(true);
    }
    for (const row of mataram.statistics) {
      expect(Number(row.p1)).toBeGreaterThan(1);
      expect(Number(row.p1)).toBeLessThan(2.5);
      expect(Number(row.p2)).toBeGreaterThan(0.2);
      expect(Number(row.p2)).toBeLessThan(0.6);
    }
  });
});

describe("Kota Kupang", () => {
  it("reports the 8,61 % poverty rate and targets zero poverty in 2026", () => {
    expect(kupang.statistics.find((row) => row.year === 2024)?.povertyRatePct).toBe("8.61");
    expect(kupang.targets).toContainEqual(expect.objectContaining({ indicator: "POVERTY_RATE", year: 2026, value: "0" }));
  });

  it("lends about Rp 200 juta to about 30 borrowers in Naikoten Satu (Kota Raja) in 2024", async () => {
    const fund = kupang.revolvingFunds.find((f) => f.kelurahan === "Naikoten Satu" && f.year === 2024);
    expect(fund).toMatchObject({ loans: 30, lentTotal: 200_000_000n });
    const kotaRaja = (await listRegencyAreas("53.71")).find((kecamatan) => kecamatan.name === "Kota Raja");
    expect(kotaRaja?.kelurahan.map((k) => k.name)).toContain("Naikoten Satu");
  });
});

describe("idn-area-data", () => {
  it("has Kota Mataram's 6 kecamatan and 50 kelurahan", async () => {
    const tree = await listRegencyAreas("52.71");
    expect(tree.map((kecamatan) => kecamatan.name)).toEqual(["Ampenan", "Mataram", "Cakranegara", "Sekarbela", "Selaparang", "Sandubaya"]);
    expect(tree.flatMap((kecamatan) => kecamatan.kelurahan)).toHaveLength(50);
    for (const kecamatan of tree) {
      for (const kelurahan of kecamatan.kelurahan) expect(kelurahan.code.startsWith(`${kecamatan.code}.`)).toBe(true);
    }
  });

  it("names Sekarbela's two Tanjung Karang apart, as Kemendagri does", async () => {
    const sekarbela = (await listRegencyAreas("52.71")).find((kecamatan) => kecamatan.code === "52.71.04");
    expect(sekarbela?.kelurahan.filter((k) => k.name.startsWith("Tanjung Karang"))).toEqual([
      { code: "52.71.04.1002", name: "Tanjung Karang" },
      { code: "52.71.04.1004", name: "Tanjung Karang Permai" },
    ]);
  });

  it("has Kota Kupang's 6 kecamatan and 51 kelurahan", async () => {
    const tree = await listRegencyAreas("53.71");
    expect(tree).toHaveLength(6);
    expect(tree.flatMap((kecamatan) => kecamatan.kelurahan)).toHaveLength(51);
  });

  it("finds a kota with its province in Title Case", async () => {
    expect(await findRegency("52.71")).toEqual({
      code: "52.71",
      name: "Kota Mataram",
      kind: "KOTA",
      provinceCode: "52",
      provinceName: "Nusa Tenggara Barat",
    });
    expect(await findRegency("34.04")).toMatchObject({ name: "Kabupaten Sleman", kind: "KABUPATEN" });
    expect(await findRegency("99.99")).toBeNull();
    expect(await findRegency("52.71.01")).toBeNull();
  });
});

describe("toTitleCase", () => {
  it("title-cases names given in capitals and keeps acronyms and numerals", () => {
    expect(toTitleCase("KOTA MATARAM")).toBe("Kota Mataram");
    expect(toTitleCase("DKI JAKARTA")).toBe("DKI Jakarta");
    expect(toTitleCase("KABUPATEN TIMOR TENGAH SELATAN")).toBe("Kabupaten Timor Tengah Selatan");
    expect(toTitleCase("MANULAI II")).toBe("Manulai II");
    expect(toTitleCase("KOTA BAU-BAU")).toBe("Kota Bau-Bau");
  });

  it("leaves names already in mixed case as the source spells them", () => {
    expect(toTitleCase("Sayang-sayang")).toBe("Sayang-sayang");
    expect(toTitleCase("  Naikoten   Satu ")).toBe("Naikoten Satu");
  });
});
