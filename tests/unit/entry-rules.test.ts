import { messageWordsIn } from "@/lib/actions/error-words";
import { describe, expect, it } from "vitest";
import { absorptionOf } from "@/features/budget/absorption";
import { currentYearMonth } from "@/lib/calendar/months";
import { lastRecordableMonth, monthsElapsed } from "@/lib/calendar/fiscal-year";
import { deleteProblem, editProblem, reversalProblem } from "@/lib/entries/rules";
import { createRealisationSchema, reverseRealisationSchema, verifyRealisationsSchema } from "@/features/budget/schemas";

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), messageWordsIn(issue.message, "id")]));

describe("realisation form", () => {
  const entry = { budgetLineId: "line-1", month: "3", amount: "1.500.000", referenceNo: "SP2D-001", note: "" };

  it("reads the amount as typed and a blank note as none", () => {
    for (const amount of ["1.500.000", "Rp1,5 juta", "1500000", "Rp 1.500.000"]) {
      expect(createRealisationSchema.parse({ ...entry, amount })).toEqual({
        budgetLineId: "line-1",
        month: 3,
        amount: 1_500_000n,
        referenceNo: "SP2D-001",
        note: null,
      });
    }
  });

  it("keeps the month within 1–12", () => {
    expect(createRealisationSchema.parse({ ...entry, month: "12" }).month).toBe(12);
    expect(createRealisationSchema.parse({ ...entry, month: "1" }).month).toBe(1);
    for (const month of ["0", "13", "-1", "2.5"]) expect(errors(createRealisationSchema.safeParse({ ...entry, month })).month, month).toBeTruthy();
    expect(errors(createRealisationSchema.safeParse({ ...entry, month: "" }))).toEqual({ month: "Pilih bulan." });
    expect(errors(createRealisationSchema.safeParse({ ...entry, month: "13" }))).toEqual({ month: "Bulan harus antara 1 (Januari) dan 12 (Desember)." });
  });

  it("refuses nothing, zero, negative and sen", () => {
    expect(errors(createRealisationSchema.safeParse({ ...entry, amount: "" }))).toEqual({ amount: "Isi jumlah rupiah." });
    expect(errors(createRealisationSchema.safeParse({ ...entry, amount: "0" }))).toEqual({ amount: "Jumlah realisasi harus lebih dari Rp 0." });
    expect(errors(createRealisationSchema.safeParse({ ...entry, amount: "-1.000" }))).toEqual({ amount: "Jumlah tidak boleh negatif." });
    expect(errors(createRealisationSchema.safeParse({ ...entry, amount: "1.000,50" }))).toEqual({ amount: "Jumlah harus dalam rupiah utuh, tanpa sen." });
  });

  it("an empty form fails on every field (the permission matrix relies on it)", () => {
    expect(Object.keys(errors(createRealisationSchema.safeParse({}))).sort()).toEqual(["amount", "budgetLineId", "month", "referenceNo"]);
    expect(verifyRealisationsSchema.safeParse({}).success).toBe(false);
    expect(reverseRealisationSchema.safeParse({}).success).toBe(false);
  });

  it("a reversal needs a reason", () => {
    expect(errors(reverseRealisationSchema.safeParse({ realisationId: "r1", note: "  " }))).toEqual({
      note: "Tuliskan alasan pembalikan (paling sedikit 5 karakter).",
    });
    expect(reverseRealisationSchema.parse({ realisationId: "r1", note: " Salah pos anggaran " }).note).toBe("Salah pos anggaran");
  });

  it("verifies one id or many, each once", () => {
    expect(verifyRealisationsSchema.parse({ ids: "a" })).toEqual({ ids: ["a"] });
    expect(verifyRealisationsSchema.parse({ ids: ["a", "b", "a"] })).toEqual({ ids: ["a", "b"] });
    expect(errors(verifyRealisationsSchema.safeParse({ ids: [] }))).toEqual({ ids: "Pilih minimal satu entri untuk diverifikasi." });
  });
});

describe("what may happen to an entry", () => {
  const draft = { status: "DRAFT" as const, amount: 1_000n, reversesId: null };
  const verified = { ...draft, status: "VERIFIED" as const };
  const reversalDraft = { status: "DRAFT" as const, amount: -1_000n, reversesId: "orig" };

  it("drafts are edited and deleted; verified entries are neither", () => {
    expect(editProblem(draft)).toBeNull();
    expect(deleteProblem(draft)).toBeNull();
    expect(editProblem(verified)).toBe("Entries.errors.verifiedNotEdited");
    expect(deleteProblem(verified)).toBe("Entries.errors.verifiedNotDeleted");
  });

  it("a pending reversal is deleted, not edited", () => {
    expect(editProblem(reversalDraft)).toBe("Entries.errors.reversalNotEdited");
    expect(deleteProblem(reversalDraft)).toBeNull();
  });

  it("only a verified, unreversed, ordinary entry is reversed", () => {
    expect(reversalProblem(verified, false)).toBeNull();
    expect(reversalProblem(verified, true)).toBe("Entries.errors.reversedAlready");
    expect(reversalProblem(draft, false)).toBe("Entries.errors.draftNotReversed");
    expect(reversalProblem({ ...reversalDraft, status: "VERIFIED" }, false)).toBe("Entries.errors.reversalNotReversed");
  });
});

describe("absorption against the calendar", () => {
  it("counts the months that are over", () => {
    expect(monthsElapsed(2024, { year: 2026, month: 11 })).toBe(12);
    expect(monthsElapsed(2026, { year: 2026, month: 11 })).toBe(10);
    expect(monthsElapsed(2026, { year: 2026, month: 1 })).toBe(0);
    expect(monthsElapsed(2027, { year: 2026, month: 11 })).toBe(0);
    expect(lastRecordableMonth(2026, { year: 2026, month: 11 })).toBe(11);
    expect(lastRecordableMonth(2025, { year: 2026, month: 1 })).toBe(12);
    expect(lastRecordableMonth(2027, { year: 2026, month: 11 })).toBe(0);
  });

  it("reads this month in the city's zone", () => {
    // 31 Dec 2025 23:30 UTC is already 1 January 2026 in Mataram (WITA, UTC+8).
    const now = new Date("2025-12-31T23:30:00Z");
    expect(currentYearMonth("Asia/Makassar", now)).toEqual({ year: 2026, month: 1 });
    expect(currentYearMonth("UTC", now)).toEqual({ year: 2025, month: 12 });
  });

  it("matches hand-computed figures", () => {
    // Mataram 2024: Rp 10,4 miliar pagu, Rp 6,5 miliar realised, seen in late November (10 months over).
    expect(absorptionOf(10_400_000_000n, 6_500_000_000n, 2024, { year: 2024, month: 11 })).toEqual({
      pagu: 10_400_000_000n,
      realised: 6_500_000_000n,
      absorption: 62.5,
      monthsElapsed: 10,
      expected: 83.33,
      gap: -20.83,
    });
    expect(absorptionOf(1_000n, 1_000n, 2024, { year: 2025, month: 3 })).toMatchObject({ absorption: 100, expected: 100, gap: 0 });
    expect(absorptionOf(0n, 0n, 2024, { year: 2025, month: 3 })).toMatchObject({ absorption: null, gap: null });
    expect(absorptionOf(12n, 1n, 2026, { year: 2026, month: 2 })).toMatchObject({ absorption: 8.33, expected: 8.33, gap: 0 });
  });
});
