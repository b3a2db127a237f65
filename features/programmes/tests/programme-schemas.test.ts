import { messageWordsIn } from "@/lib/actions/error-words";
import { describe, expect, it } from "vitest";
import { createBudgetLineSchema, createProgrammeSchema, updateBudgetLineSchema } from "@/features/programmes/schemas";
import { programmeScope, programmeWhere } from "@/lib/auth/scope";
import { parseYearParam } from "@/lib/calendar/fiscal-year";

const programme = {
  name: "Pelatihan Menjahit",
  kind: "TRAINING",
  fiscalYear: "2024",
  targetUnit: "PERSON",
  targetCount: "1.200",
  targetExtremeCount: "840",
};

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), messageWordsIn(issue.message, "id")]));

describe("programme form", () => {
  it("reads counts with Indonesian grouping, blank targets as 0, blank description as null", () => {
    expect(createProgrammeSchema.parse(programme)).toMatchObject({ fiscalYear: 2024, targetCount: 1200, targetExtremeCount: 840, description: null });
    expect(createProgrammeSchema.parse({ ...programme, targetCount: "", targetExtremeCount: "", description: "  " })).toMatchObject({
      targetCount: 0,
      targetExtremeCount: 0,
      description: null,
    });
  });

  it("answers in Indonesian", () => {
    expect(errors(createProgrammeSchema.safeParse({}))).toMatchObject({
      name: "Isi nama program.",
      kind: "Pilih jenis program.",
      fiscalYear: "Isi tahun anggaran.",
      targetUnit: "Pilih satuan sasaran.",
    });
    expect(errors(createProgrammeSchema.safeParse({ ...programme, targetCount: "1,5" }))).toMatchObject({ targetCount: "Isi jumlah sasaran dengan angka." });
    expect(errors(createProgrammeSchema.safeParse({ ...programme, targetCount: "-3" }))).toMatchObject({ targetCount: "Jumlah sasaran tidak boleh negatif." });
    expect(errors(createProgrammeSchema.safeParse({ ...programme, targetCount: "5", targetExtremeCount: "6" }))).toEqual({
      targetExtremeCount: "Sasaran miskin ekstrem tidak boleh melebihi jumlah sasaran.",
    });
    expect(errors(createProgrammeSchema.safeParse({ ...programme, fiscalYear: "2014" }))).toEqual({ fiscalYear: "Tahun anggaran mulai 2015." });
    // Cross-field rules still speak when another field is wrong, so the form shows every problem at once.
    expect(errors(createProgrammeSchema.safeParse({ ...programme, kind: "", targetCount: "5", targetExtremeCount: "6" }))).toEqual({
      kind: "Pilih jenis program.",
      targetExtremeCount: "Sasaran miskin ekstrem tidak boleh melebihi jumlah sasaran.",
    });
    expect(errors(createProgrammeSchema.safeParse({ ...programme, kind: "WISATA" }))).toEqual({ kind: "Pilih jenis program." });
  });
});

describe("budget line form", () => {
  const line = { programmeId: "p1", fundingSource: "APBD", description: "Belanja barang", partnerName: "" };

  it.each([
    ["1.500.000", 1_500_000n],
    ["Rp1,5 juta", 1_500_000n],
    ["1500000", 1_500_000n],
    ["Rp 10,4 miliar", 10_400_000_000n],
    ["  Rp 750.000,00 ", 750_000n],
  ])("reads the pagu %s", (pagu, expected) => {
    expect(createBudgetLineSchema.parse({ ...line, pagu }).pagu).toBe(expected);
  });

  it.each([
    ["", "Isi jumlah rupiah."],
    ["0", "Pagu harus lebih dari Rp 0."],
    ["-1.000", "Jumlah tidak boleh negatif."],
    ["1.5 juta", "Gunakan koma untuk desimal, misalnya 1,5 juta."],
    ["satu juta", "Format jumlah tidak dikenali. Contoh: 1.500.000, Rp 1,5 juta, atau 2 miliar."],
    ["1,5", "Jumlah harus dalam rupiah utuh, tanpa sen."],
  ])("refuses the pagu %j", (pagu, message) => {
    expect(errors(createBudgetLineSchema.safeParse({ ...line, pagu }))).toEqual({ pagu: message });
  });

  it("needs the company for CSR, keeps a funder for other sources, drops it for the city's and the centre's money", () => {
    expect(errors(createBudgetLineSchema.safeParse({ ...line, fundingSource: "CSR", pagu: "1 juta" }))).toEqual({
      partnerName: "Isi nama perusahaan mitra CSR.",
    });
    expect(createBudgetLineSchema.parse({ ...line, fundingSource: "CSR", partnerName: " PT Maju ", pagu: "1 juta" }).partnerName).toBe("PT Maju");
    expect(createBudgetLineSchema.parse({ ...line, fundingSource: "OTHER", partnerName: "Baznas", pagu: "1 juta" }).partnerName).toBe("Baznas");
    expect(createBudgetLineSchema.parse({ ...line, fundingSource: "DAK", partnerName: "Baznas", pagu: "1 juta" }).partnerName).toBeNull();
    expect(updateBudgetLineSchema.safeParse({ ...line, budgetLineId: "", pagu: "1 juta" }).success).toBe(false);
    expect(errors(createBudgetLineSchema.safeParse({ ...line, fundingSource: "CSR", pagu: "" }))).toEqual({
      pagu: "Isi jumlah rupiah.",
      partnerName: "Isi nama perusahaan mitra CSR.",
    });
  });
});

describe("year in the URL and scope", () => {
  it("takes a sensible year or none", () => {
    expect(parseYearParam("2024")).toBe(2024);
    expect(parseYearParam(["2025", "2024"])).toBe(2025);
    for (const raw of [undefined, "", "abc", "1900", "20245"]) expect(parseYearParam(raw)).toBeNull();
  });

  it("binds OPD roles to their OPD and lets city-wide readers pick one", () => {
    expect(programmeScope({ role: "OPD_STAFF", opdId: "opd-1" })).toEqual({ kind: "opd", opdId: "opd-1" });
    expect(programmeScope({ role: "OPD_HEAD", opdId: "opd-1" })).toEqual({ kind: "opd", opdId: "opd-1" });
    expect(programmeScope({ role: "BAPEDA", opdId: null })).toEqual({ kind: "city" });
    expect(programmeScope({ role: "AUDITOR", opdId: null })).toEqual({ kind: "city" });
    // An OPD account may not widen its view through the filter.
    expect(programmeWhere({ kind: "opd", opdId: "opd-1" }, "opd-2")).toEqual({ opdId: "opd-1" });
    expect(programmeWhere({ kind: "opd", opdId: null })).toEqual({ id: { in: [] } });
    expect(programmeWhere({ kind: "city" }, "opd-2")).toEqual({ opdId: "opd-2" });
    expect(programmeWhere({ kind: "city" })).toEqual({});
  });
});
