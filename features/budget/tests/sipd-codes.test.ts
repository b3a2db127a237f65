import { describe, expect, it } from "vitest";
import { messageWordsIn } from "@/lib/actions/error-words";
import { accountCodeInput, isAccountCode, isSubKegiatanCode, sipdCodeInput, sipdCodeParts } from "@/features/budget/sipd-codes";

describe("SIPD sub-kegiatan code", () => {
  it("takes all six parts U.BB.PP.K.KK.SSSS", () => {
    for (const code of ["1.06.04.2.01.0001", "2.07.03.2.02.0005", "5.01.01.2.10.0012"]) expect(isSubKegiatanCode(code), code).toBe(true);
  });

  it("refuses a programme or kegiatan prefix, wrong widths, letters and other separators", () => {
    for (const code of [
      "1.06.04",
      "1.06.04.2.01",
      "1.6.04.2.01.0001",
      "1.06.04.2.1.0001",
      "1.06.04.2.01.001",
      "1.06.04.2.01.00001",
      "X.XX.01.2.01.0001",
      "1-06-04-2-01-0001",
      "1.06.04.2.01.0001.",
    ])
      expect(isSubKegiatanCode(code), code).toBe(false);
  });

  it("names its programme and kegiatan", () => {
    expect(sipdCodeParts("1.06.04.2.01.0001")).toEqual({ programme: "1.06.04", kegiatan: "1.06.04.2.01" });
    expect(sipdCodeParts("1.06.04")).toBeNull();
  });

  it("reads a blank field as null, squeezes stray spaces, and answers a bad code in both languages", () => {
    expect(sipdCodeInput.parse("")).toBeNull();
    expect(sipdCodeInput.parse(undefined)).toBeNull();
    expect(sipdCodeInput.parse(" 1.06.04 .2.01.0001 ")).toBe("1.06.04.2.01.0001");
    const result = sipdCodeInput.safeParse("1.06.04");
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? "";
    expect(messageWordsIn(message, "id")).toMatch(/U\.BB\.PP\.K\.KK\.SSSS/);
    expect(messageWordsIn(message, "en")).toMatch(/sub-activity code/);
  });
});

describe("account code (kode rekening)", () => {
  it("takes 4, 5 or 6 then parts of 1, 2, 2, 2 and 4 digits, from three parts down to all six", () => {
    for (const code of ["5.1.06.01.01.0001", "5.1.06.01.02", "5.1.02.01.01.0039", "5.1.06", "5.1.06.01", "4.1.01.06.01.0001", "6.1.01"])
      expect(isAccountCode(code), code).toBe(true);
  });

  it("refuses other leading digits, too few parts, wrong widths and letters", () => {
    for (const code of [
      "1.1.06.01.01.0001",
      "7.1.06",
      "5.1",
      "5",
      "5.1.6.01",
      "5.11.06",
      "5.1.06.1",
      "5.1.06.01.01.001",
      "5.1.06.01.01.0001.01",
      "5.1.06.01.01.000a",
      "5/1/06",
    ])
      expect(isAccountCode(code), code).toBe(false);
  });

  it("reads a blank field as null and answers a bad code in both languages", () => {
    expect(accountCodeInput.parse("  ")).toBeNull();
    expect(accountCodeInput.parse("5.1.06.01.02")).toBe("5.1.06.01.02");
    const result = accountCodeInput.safeParse("5.1");
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? "";
    expect(messageWordsIn(message, "id")).toMatch(/Kode rekening/);
    expect(messageWordsIn(message, "en")).toMatch(/account code/);
  });
});
