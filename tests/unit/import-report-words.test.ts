// An import's report keeps each reason as the catalogue words it names, and says it in the
// language of whoever reads the report; a report kept from before, in Indonesian, reads as it was.
import { describe, expect, it } from "vitest";
import { parseDistributionRow } from "@/features/aid/distribution-import";
import { parseRepaymentRow } from "@/features/revolving-funds/repayment-import";
import { reportWordsIn, type TableImportReport } from "@/lib/spreadsheet/table-import";

const row = {
  programme: "Bantuan Peralatan Kerja",
  nik: 5.27101e15,
  noKk: null,
  kind: "sepeda",
  items: "Obras",
  quantity: "1",
  value: null,
  date: "14-08-2024",
  proofRef: "BAST/004/2024",
  budgetLine: null,
  partner: null,
  months: null,
  bpjsNumber: null,
  coverageStart: null,
  premium: null,
  handedOverBy: null,
  note: null,
};

function reportOf(reasons: string[], notes: string[] = []): TableImportReport {
  return {
    mode: "dry-run",
    fileName: "bantuan.csv",
    headers: [],
    ignoredColumns: [],
    total: 1,
    accepted: 0,
    rejected: [{ rowNumber: 2, reasons, cells: [] }],
    rejectedOmitted: 0,
    notes: [{ rowNumber: 3, notes }],
  };
}

const reasonsIn = (reasons: string[], locale: string) => reportWordsIn(reportOf(reasons), locale).rejected[0]!.reasons;

describe("an import report's reasons", () => {
  const parsed = parseDistributionRow(row, 2, new Date("2024-09-01T00:00:00Z"));
  const reasons = parsed.ok ? [] : parsed.reasons;

  it("are said in Indonesian as they always were", () => {
    expect(reasonsIn(reasons, "id")).toEqual([
      "NIK rusak oleh Excel: tersimpan sebagai angka (5.27101E+15) sehingga digit terakhir hilang; format kolom NIK sebagai Teks lalu ketik ulang dari kartu keluarga",
      expect.stringMatching(/^JENIS tidak dikenali \(sepeda\); gunakan salah satu: Bantuan peralatan, /),
      "NILAI wajib diisi",
    ]);
  });

  it("and in English for an English reader, the file's own column names kept", () => {
    expect(reasonsIn(reasons, "en")).toEqual([
      expect.stringMatching(/^NIK was damaged by Excel: stored as a number \(5\.27101E\+15\)/),
      expect.stringMatching(/^JENIS not recognised \(sepeda\); use one of: /),
      "NILAI is required",
    ]);
  });

  it("say an amount's own refusal in the reader's language", () => {
    const repayment = parseRepaymentRow({ loanId: "abc", nik: null, paidAt: "01-08-2024", amount: "sejuta rupiah", receiptNo: null, note: null });
    const why = repayment.ok ? [] : repayment.reasons;
    expect(reasonsIn(why, "id")).toEqual([expect.stringMatching(/^JUMLAH: Format jumlah tidak dikenali/)]);
    expect(reasonsIn(why, "en")).toEqual([expect.stringMatching(/^JUMLAH: /)]);
    expect(reasonsIn(why, "en")[0]).not.toMatch(/tidak/);
  });

  it("kept as Indonesian text by an older report read as they were", () => {
    expect(reasonsIn(["NIK ganda"], "en")).toEqual(["NIK ganda"]);
  });
});
