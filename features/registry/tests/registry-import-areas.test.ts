// Kota Mataram's two kelurahan once both named "Tanjung Karang" (52.71.04.1002 and
// 52.71.04.1004, Tanjung Karang Permai): the import never picks one of two that share a name.
import { describe, expect, it } from "vitest";
import { ambiguousKelurahanReason, areaMatcher } from "@/features/registry/import/areas";
import { kelurahanLabels } from "@/features/areas/labels";

const kecamatan = [
  { id: "k4", code: "52.71.04", name: "Sekarbela" },
  { id: "k5", code: "52.71.05", name: "Selaparang" },
];
const tanjungKarang = { id: "l2", code: "52.71.04.1002", name: "Tanjung Karang", parentId: "k4" };
const permaiAsOldData = { id: "l4", code: "52.71.04.1004", name: "Tanjung Karang", parentId: "k4" };
const permai = { ...permaiAsOldData, name: "Tanjung Karang Permai", officialName: "Tanjung Karang" };

describe("the registry import's kelurahan matching", () => {
  it("refuses a name two kelurahan share, naming both with their kecamatan and code, with or without the kecamatan", () => {
    const areas = areaMatcher(kecamatan, [tanjungKarang, permaiAsOldData]);
    for (const within of [areas.kecamatan("Sekarbela"), null]) {
      const match = areas.kelurahan("TANJUNG KARANG", within);
      expect(match.found).toBeNull();
      expect(match.ambiguous).toBe(true);
      expect(match.candidates.map((item) => item.code)).toEqual(["52.71.04.1002", "52.71.04.1004"]);
    }
    const reason = ambiguousKelurahanReason("TANJUNG KARANG", areas.kelurahan("TANJUNG KARANG", null).candidates);
    expect(reason).toContain("Tanjung Karang (Kecamatan Sekarbela, kode 52.71.04.1002)");
    expect(reason).toContain("Tanjung Karang (Kecamatan Sekarbela, kode 52.71.04.1004)");
  });

  it("finds each by its code", () => {
    const areas = areaMatcher(kecamatan, [tanjungKarang, permaiAsOldData]);
    expect(areas.kelurahan("52.71.04.1004", areas.kecamatan("Sekarbela")).found?.id).toBe("l4");
    expect(areas.kelurahan("5271041002", null).found?.id).toBe("l2");
  });

  it("accepts the real name once corrected, and the short name then means the one shown by it", () => {
    const areas = areaMatcher(kecamatan, [tanjungKarang, permai]);
    expect(areas.kelurahan("Tanjung Karang Permai", areas.kecamatan("Sekarbela")).found?.id).toBe("l4");
    expect(areas.kelurahan("tanjung karang permai", null).found?.id).toBe("l4");
    expect(areas.kelurahan("Tanjung Karang", null)).toMatchObject({ found: { id: "l2" }, ambiguous: false });
  });

  it("still finds a corrected kelurahan by Kemendagri's name when no other is shown by it", () => {
    const areas = areaMatcher(kecamatan, [{ id: "l9", code: "52.71.05.1001", name: "Rembiga Baru", officialName: "Rembiga", parentId: "k5" }]);
    expect(areas.kelurahan("Rembiga", null).found?.id).toBe("l9");
  });
});

describe("kelurahan labels", () => {
  const kelurahan = [
    { id: "a", code: "52.71.04.1002", name: "Tanjung Karang", kecamatan: "Sekarbela" },
    { id: "b", code: "52.71.05.1003", name: "Tanjung Karang", kecamatan: "Selaparang" },
    { id: "c", code: "52.71.04.1001", name: "Karang Pule", kecamatan: "Sekarbela" },
    { id: "d", code: "52.71.04.1004", name: "Karang Pule", kecamatan: "Sekarbela" },
    { id: "e", code: "52.71.04.1005", name: "Kekalik Jaya", kecamatan: "Sekarbela" },
  ];
  it("adds the kecamatan only where another kelurahan of the city has the name, and the code where one of its kecamatan has", () => {
    expect(Object.fromEntries(kelurahanLabels(kelurahan))).toEqual({
      a: "Tanjung Karang (Sekarbela)",
      b: "Tanjung Karang (Selaparang)",
      c: "Karang Pule (Sekarbela, 52.71.04.1001)",
      d: "Karang Pule (Sekarbela, 52.71.04.1004)",
      e: "Kekalik Jaya",
    });
  });
});
