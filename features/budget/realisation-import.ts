// Bulk entry of monthly realisation from .xlsx/.csv: each row becomes a
// DRAFT through createRealisation, so the pagu cap, the open-month rule and the OPD scope
// are exactly those of the single-entry form. A row names its budget line by the
// ID POS ANGGARAN of the export/template, or by PROGRAM + POS ANGGARAN. Its NO SP2D/SPJ is
// recorded once per city, so the same file imported twice saves once.
import type { ActionContext } from "@/lib/actions/define";
import { notFound } from "@/lib/errors";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import type { Rupiah } from "@/lib/money";
import { writerOpdId } from "@/lib/auth/scope";
import { cellCode, cellMonth, cellRupiah, cellText, type CellResult } from "@/lib/spreadsheet/cells";
import type { ImportColumn } from "@/lib/spreadsheet/columns";
import { acceptRow, rejectRow, type RowValues } from "@/lib/spreadsheet/table-import";
import { defineTableImport } from "@/lib/spreadsheet/table-import-job";
import { budgetRoutes } from "@/features/budget/routes";
import { createRealisation } from "./realisations";

export const REALISATION_COLUMNS = [
  { key: "budgetLineId", header: "ID POS ANGGARAN", aliases: ["ID POS", "ID"], example: "" },
  { key: "programme", header: "PROGRAM", aliases: ["NAMA PROGRAM", "KEGIATAN"], example: "Pelatihan Menjahit" },
  { key: "line", header: "POS ANGGARAN", aliases: ["URAIAN", "URAIAN POS ANGGARAN", "URAIAN POS", "POS"], example: "Belanja pelatihan" },
  { key: "month", header: "BULAN", required: true, example: "3" },
  {
    key: "referenceNo",
    header: "NO SP2D/SPJ",
    aliases: ["NO SP2D", "NO SPJ", "NOMOR SP2D", "NOMOR SPJ", "SP2D", "SPJ", "NO REFERENSI"],
    required: true,
    example: "0123/SP2D/LS/2026",
  },
  { key: "amount", header: "JUMLAH", aliases: ["JUMLAH (RP)", "JUMLAH REALISASI", "REALISASI", "NILAI", "NILAI (RP)"], required: true, example: "1.500.000" },
  { key: "note", header: "CATATAN", aliases: ["KETERANGAN"], example: "SPJ Maret" },
] as const satisfies readonly ImportColumn[];

type Key = (typeof REALISATION_COLUMNS)[number]["key"];

export type RealisationRow = {
  budgetLineId: string | null;
  programme: string;
  line: string;
  month: number;
  referenceNo: string;
  amount: Rupiah;
  note: string | null;
};

export function parseRealisationRow(values: RowValues<Key>) {
  const reasons: string[] = [];
  // undefined: the cell was refused (its reason is given); null: the cell is empty.
  const take = <T>(result: CellResult<T>): T | undefined => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return undefined;
  };
  const id = take(cellCode(values.budgetLineId, "ID POS ANGGARAN")) || null;
  const programme = take(cellText(values.programme, "PROGRAM")) ?? "";
  const line = take(cellText(values.line, "POS ANGGARAN")) ?? "";
  const month = take(cellMonth(values.month, "BULAN"));
  const referenceNo = take(cellText(values.referenceNo, "NO SP2D/SPJ")) ?? "";
  const amount = take(cellRupiah(values.amount, "JUMLAH"));
  const note = take(cellText(values.note, "CATATAN")) || null;
  if (month === null) reasons.push(wordsMessage("Budget.input.rowMonthRequired"));
  if (amount === null) reasons.push(wordsMessage("Budget.input.rowAmountRequired"));
  if (!referenceNo) reasons.push(wordsMessage("Budget.input.rowReferenceRequired"));
  if (referenceNo.length > 60) reasons.push(wordsMessage("Budget.input.rowReferenceLong"));
  if (!id && (!programme || !line)) reasons.push(wordsMessage("Budget.input.rowLineRequired"));
  if (note && note.length > 500) reasons.push(wordsMessage("Budget.input.rowNoteLong"));
  if (reasons.length > 0 || month == null || amount == null) return rejectRow(...reasons);
  return acceptRow<RealisationRow>({ budgetLineId: id, programme, line, month, referenceNo, amount, note });
}

/** The line a row names, among the writer's own OPD's lines; "not found" rejects the row. */
async function budgetLineOf(ctx: ActionContext, row: RealisationRow): Promise<string> {
  if (row.budgetLineId) return row.budgetLineId;
  const matches = await ctx.tx.budgetLine.findMany({
    where: {
      description: { equals: row.line, mode: "insensitive" },
      programme: { opdId: writerOpdId(ctx.user), name: { equals: row.programme, mode: "insensitive" } },
    },
    select: { id: true },
    take: 2,
  });
  if (matches.length === 0) throw notFound(`Pos anggaran "${row.line}" pada program "${row.programme}"`);
  if (matches.length > 1) {
    throw wordedError("INVALID", "Budget.errors.importLineAmbiguous", { line: row.line, programme: row.programme });
  }
  return matches[0]!.id;
}

export const importRealisationsDefinition = defineTableImport({
  name: "budget.realisations.import",
  permission: "entry:write",
  columns: REALISATION_COLUMNS,
  parseRow: parseRealisationRow,
  // An account without an OPD is refused once, before any row.
  resolve: async (ctx) => (writerOpdId(ctx.user), new Map()),
  saveRow: async (ctx, row) => {
    const budgetLineId = await budgetLineOf(ctx, row);
    // A reference already saved, or met earlier in this file, refuses the row (NUMBER_TAKEN).
    return createRealisation(ctx, { budgetLineId, month: row.month, referenceNo: row.referenceNo, amount: row.amount, note: row.note });
  },
  writes: ["BudgetRealisation"],
  taskRoute: budgetRoutes.importTask,
});
