// Repayments from .xlsx/.csv: each row goes through recordRepayment, so
// the allocation rule, the "no more than is left" check and the kelurahan scope are those
// of the single-entry form. A row names its loan by ID PINJAMAN (shown on the loan page) or
// by the borrower's NIK when the borrower has one running loan in the kelurahan.
import type { ActionContext } from "@/lib/actions/define";
import { wordedError, wordsMessage, wordsParam } from "@/lib/errors/worded";
import { parseRupiah, type Rupiah } from "@/lib/money";
import { dateToDay } from "@/lib/calendar/days";
import { cellCode, cellDate, cellText, type Cell, type CellResult } from "@/lib/spreadsheet/cells";
import type { ImportColumn } from "@/lib/spreadsheet/columns";
import { acceptRow, rejectRow, type RowValues } from "@/lib/spreadsheet/table-import";
import { defineTableImport } from "@/lib/spreadsheet/table-import-job";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";
import { recordRepayment } from "./repayments";
import { fundKelurahanId } from "./scope";

export const REPAYMENT_COLUMNS = [
  { key: "loanId", header: "ID PINJAMAN", aliases: ["ID"], example: "" },
  { key: "nik", header: "NIK", aliases: ["NIK PEMINJAM"], example: "5371041505990001" },
  { key: "paidAt", header: "TANGGAL BAYAR", aliases: ["TANGGAL", "TGL BAYAR"], required: true, example: "10-02-2026" },
  { key: "amount", header: "JUMLAH", aliases: ["JUMLAH (RP)", "JUMLAH BAYAR", "ANGSURAN", "NILAI"], required: true, example: "515.000" },
  { key: "receiptNo", header: "NO KUITANSI", aliases: ["NO. KUITANSI", "KUITANSI"], example: "" },
  { key: "note", header: "KETERANGAN", aliases: ["CATATAN"], example: "" },
] as const satisfies readonly ImportColumn[];

type Key = (typeof REPAYMENT_COLUMNS)[number]["key"];

export type RepaymentRow = { loanId: string | null; nik: string | null; paidAt: Date; amount: Rupiah; receiptNo: string | null; note: string | null };

function cellAmount(cell: Cell): CellResult<Rupiah | null> {
  if (typeof cell === "number") {
    return Number.isSafeInteger(cell) && cell > 0
      ? { ok: true, value: BigInt(cell) }
      : { ok: false, reason: wordsMessage("RevolvingFunds.input.rowAmountWhole", { written: cell }) };
  }
  const text = cellCode(cell, "JUMLAH");
  if (!text.ok) return text;
  if (text.value === "") return { ok: true, value: null };
  const parsed = parseRupiah(text.value);
  if (!parsed.ok)
    return { ok: false, reason: wordsMessage("RevolvingFunds.input.rowAmountUnreadable", { why: wordsParam(`Money.parseError.${parsed.code}`) }) };
  return parsed.value > 0n ? { ok: true, value: parsed.value } : { ok: false, reason: wordsMessage("RevolvingFunds.input.rowAmountPositive") };
}

export function parseRepaymentRow(values: RowValues<Key>) {
  const reasons: string[] = [];
  const take = <T>(result: CellResult<T>): T | undefined => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return undefined;
  };
  const loanId = take(cellText(values.loanId, "ID PINJAMAN")) || null;
  const nik = (take(cellText(values.nik, "NIK")) ?? "").replace(/\s/g, "") || null;
  const paidAt = values.paidAt === null ? null : take(cellDate(values.paidAt, "TANGGAL BAYAR"));
  const amount = take(cellAmount(values.amount));
  const receiptNo = take(cellText(values.receiptNo, "NO KUITANSI")) || null;
  const note = take(cellText(values.note, "KETERANGAN")) || null;
  if (!loanId && !nik) reasons.push(wordsMessage("RevolvingFunds.input.rowLoanRequired"));
  if (nik && !/^\d{16}$/.test(nik)) reasons.push(wordsMessage("RevolvingFunds.input.rowNikFormat"));
  if (paidAt === null) reasons.push(wordsMessage("RevolvingFunds.input.rowDateRequired"));
  if (amount === null) reasons.push(wordsMessage("RevolvingFunds.input.rowAmountRequired"));
  if (receiptNo && receiptNo.length > 40) reasons.push(wordsMessage("RevolvingFunds.input.rowReceiptLong"));
  if (note && note.length > 300) reasons.push(wordsMessage("RevolvingFunds.input.rowNoteLong"));
  if (reasons.length > 0 || !paidAt || amount == null) return rejectRow(...reasons);
  return acceptRow<RepaymentRow>({ loanId, nik, paidAt, amount, receiptNo, note });
}

/** The running loan a row names, in the officer's kelurahan. */
async function loanOf(ctx: ActionContext, row: RepaymentRow): Promise<string> {
  if (row.loanId) return row.loanId;
  const loans = await ctx.tx.loan.findMany({
    where: { borrowerNik: row.nik!, status: "DISBURSED", fund: { kelurahanId: fundKelurahanId(ctx.user) } },
    select: { id: true },
    take: 2,
  });
  if (loans.length === 0) throw wordedError("NOT_FOUND", "RevolvingFunds.errors.noRunningLoanForNik");
  if (loans.length > 1) throw wordedError("INVALID", "RevolvingFunds.errors.severalRunningLoans");
  return loans[0]!.id;
}

export const importRepaymentsDefinition = defineTableImport({
  name: "revolvingFunds.loans.importRepayments",
  permission: "revolving-fund:write",
  columns: REPAYMENT_COLUMNS,
  parseRow: parseRepaymentRow,
  // An account without a kelurahan is refused once, before any row.
  resolve: async (ctx) => (fundKelurahanId(ctx.user), new Map()),
  saveRow: async (ctx, row) =>
    recordRepayment(ctx, { loanId: await loanOf(ctx, row), paidAt: dateToDay(row.paidAt), amount: row.amount, receiptNo: row.receiptNo, note: row.note }),
  writes: ["Repayment", "Loan", "LoanRound"],
  taskRoute: revolvingFundsRoutes.importTask,
});
