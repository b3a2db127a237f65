// Bulk entry of monthly realisation from .xlsx/.csv: each row becomes a
// DRAFT through createRealisation, so the pagu cap, the open-month rule and the OPD scope
// are exactly those of the single-entry form. A row names its budget line by the
// ID POS ANGGARAN of the export/template; or, as a SIPD realisation extract does, by its
// KODE SUB KEGIATAN (with KODE REKENING when the programme has several lines, ./sipd-lines.ts);
// or by PROGRAM + POS ANGGARAN. Its NO SP2D/SPJ is recorded once per city, so the same file
// imported twice saves once; a SIPD row without one gets a reference made of its codes and month
// (sipdReference), which holds it to once as well.
import type { ActionContext } from "@/lib/actions/define";
import { isAppError, notFound } from "@/lib/errors";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import type { Rupiah } from "@/lib/money";
import { writerOpdId } from "@/lib/auth/scope";
import { cityToday } from "@/lib/calendar/city-today";
import { fiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from "@/lib/calendar/fiscal-year";
import { yearMonthOf } from "@/lib/calendar/months";
import { blankToUndefined } from "@/lib/forms/fields";
import { cellCode, cellInteger, cellMonth, cellRupiah, cellText, truncate, type CellResult } from "@/lib/spreadsheet/cells";
import type { ImportColumn } from "@/lib/spreadsheet/columns";
import { acceptRow, rejectRow, type RowValues, type SaveRowContext } from "@/lib/spreadsheet/table-import";
import { defineTableImport } from "@/lib/spreadsheet/table-import-job";
import { z } from "@/lib/validation/zod";
import { budgetRoutes } from "@/features/budget/routes";
import { createRealisation } from "./realisations";
import { compactCode, isAccountCode, isSubKegiatanCode } from "./sipd-codes";
import { budgetLineBySipdCodes, sipdReference } from "./sipd-lines";

export const REALISATION_COLUMNS = [
  { key: "budgetLineId", header: "ID POS ANGGARAN", aliases: ["ID POS", "ID"], example: "" },
  { key: "programme", header: "PROGRAM", aliases: ["NAMA PROGRAM", "KEGIATAN"], example: "Pelatihan Menjahit" },
  {
    key: "subKegiatanCode",
    header: "KODE SUB KEGIATAN",
    // SIPD writes its columns as "Kode Sub Kegiatan" or kode_sub_giat; spaces and underscores do not count.
    aliases: ["KD SUB KEGIATAN", "KODE SUB KEG", "KODE SUB GIAT", "KD SUB GIAT", "KODE SUB KEGIATAN SIPD"],
    example: "2.07.03.2.01.0001",
  },
  { key: "line", header: "POS ANGGARAN", aliases: ["URAIAN", "URAIAN POS ANGGARAN", "URAIAN POS", "POS"], example: "Belanja pelatihan" },
  {
    key: "accountCode",
    header: "KODE REKENING",
    aliases: ["KODE AKUN", "KD REKENING", "KD AKUN", "KODE REK", "KD REK", "KODE REKENING BELANJA"],
    example: "5.1.02.02.01.0026",
  },
  { key: "fiscalYear", header: "TAHUN", aliases: ["TAHUN ANGGARAN"], example: "" },
  { key: "month", header: "BULAN", aliases: ["BULAN REALISASI", "BULAN SP2D"], required: true, example: "3" },
  {
    key: "referenceNo",
    header: "NO SP2D/SPJ",
    aliases: ["NO SP2D", "NO SPJ", "NOMOR SP2D", "NOMOR SPJ", "SP2D", "SPJ", "NO REFERENSI"],
    example: "0123/SP2D/LS/2026",
  },
  {
    key: "amount",
    header: "JUMLAH",
    aliases: ["JUMLAH (RP)", "JUMLAH REALISASI", "REALISASI", "NILAI", "NILAI (RP)", "NILAI REALISASI", "REALISASI (RP)", "REALISASI BULAN INI"],
    required: true,
    example: "1.500.000",
  },
  { key: "note", header: "CATATAN", aliases: ["KETERANGAN"], example: "SPJ Maret" },
] as const satisfies readonly ImportColumn[];

type Key = (typeof REALISATION_COLUMNS)[number]["key"];

export type RealisationRow = {
  budgetLineId: string | null;
  programme: string;
  line: string;
  /** The SIPD sub-kegiatan code, U.BB.PP.K.KK.SSSS, or null. */
  subKegiatanCode: string | null;
  /** The SIPD account code (kode rekening), or null. */
  accountCode: string | null;
  /** The programme's fiscal year when the row says it (TAHUN), or null. */
  fiscalYear: number | null;
  month: number;
  /** Empty only on a row named by its SIPD codes, not its ID: its reference is made of them (sipdReference). */
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
  /** A SIPD code as written, spaces dropped (a typing slip); refused, with its words, when malformed. */
  const code = (key: "subKegiatanCode" | "accountCode", column: string, valid: (value: string) => boolean, words: string) => {
    const written = take(cellCode(values[key], column));
    const value = written ? compactCode(written) : "";
    if (value && !valid(value)) reasons.push(wordsMessage(words, { written: truncate(written!) }));
    return value || null;
  };
  const id = take(cellCode(values.budgetLineId, "ID POS ANGGARAN")) || null;
  const programme = take(cellText(values.programme, "PROGRAM")) ?? "";
  const subKegiatanCode = code("subKegiatanCode", "KODE SUB KEGIATAN", isSubKegiatanCode, "Budget.input.rowSubKegiatanCode");
  const line = take(cellText(values.line, "POS ANGGARAN")) ?? "";
  const accountCode = code("accountCode", "KODE REKENING", isAccountCode, "Budget.input.rowAccountCode");
  const year = take(cellInteger(values.fiscalYear, "TAHUN"));
  const month = take(cellMonth(values.month, "BULAN"));
  const referenceNo = take(cellText(values.referenceNo, "NO SP2D/SPJ")) ?? "";
  const amount = take(cellRupiah(values.amount, "JUMLAH"));
  const note = take(cellText(values.note, "CATATAN")) || null;
  if (year != null && (year < MIN_FISCAL_YEAR || year > MAX_FISCAL_YEAR)) {
    reasons.push(wordsMessage("Budget.input.rowYear", { written: year, min: MIN_FISCAL_YEAR, max: MAX_FISCAL_YEAR }));
  }
  if (month === null) reasons.push(wordsMessage("Budget.input.rowMonthRequired"));
  if (amount === null) reasons.push(wordsMessage("Budget.input.rowAmountRequired"));
  // A SIPD extract may have no SP2D numbers: the codes of a row named by them stand in for one.
  // A row with an ID (the export read back) is an entry of Entas's own, which has its number.
  if (!referenceNo && (id || !subKegiatanCode)) reasons.push(wordsMessage("Budget.input.rowReferenceRequired"));
  if (referenceNo.length > 60) reasons.push(wordsMessage("Budget.input.rowReferenceLong"));
  if (!id && !subKegiatanCode && (!programme || !line)) reasons.push(wordsMessage("Budget.input.rowLineRequired"));
  if (note && note.length > 500) reasons.push(wordsMessage("Budget.input.rowNoteLong"));
  if (reasons.length > 0 || month == null || amount == null) return rejectRow(...reasons);
  return acceptRow<RealisationRow>({
    budgetLineId: id,
    programme,
    line,
    subKegiatanCode,
    accountCode,
    fiscalYear: year ?? null,
    month,
    referenceNo,
    amount,
    note,
  });
}

/** The form's fields besides the file: the fiscal year the budget page shows. */
const importOptions = { fiscalYear: z.preprocess(blankToUndefined, fiscalYear.optional()) };
type ImportOptions = { fiscalYear?: number };

/** The line a row names; named by SIPD codes, with what a reference made of them needs: the line's account code and the year. */
type NamedLine = { id: string; sipd?: { accountCode: string | null; fiscalYear: number } };

/**
 * The line a row names, among the writer's own OPD's lines; "not found" rejects the row. By ID
 * first (a row of the export carries its codes too: they must be the line's); then by SIPD codes,
 * in the row's TAHUN, else the year the page shows, else the city's year; then by names.
 */
async function budgetLineOf(ctx: ActionContext, row: RealisationRow, options: ImportOptions): Promise<NamedLine> {
  const opdId = writerOpdId(ctx.user);
  if (row.budgetLineId) {
    if (!row.subKegiatanCode) return { id: row.budgetLineId };
    const line = await ctx.tx.budgetLine.findFirst({
      where: { id: row.budgetLineId, programme: { opdId } },
      select: { accountCode: true, programme: { select: { sipdCode: true } } },
    });
    // Not the writer's: createRealisation refuses it as any line it cannot find.
    if (line && (line.programme.sipdCode !== row.subKegiatanCode || (row.accountCode && line.accountCode !== row.accountCode))) {
      throw wordedError("INVALID", "Budget.errors.sipdLineMismatch", { code: row.subKegiatanCode, account: row.accountCode ?? "none" });
    }
    return { id: row.budgetLineId };
  }
  if (row.subKegiatanCode) {
    const year = row.fiscalYear ?? options.fiscalYear ?? yearMonthOf(await cityToday(ctx.tx, ctx.tenantId)).year;
    const line = await budgetLineBySipdCodes(ctx, { subKegiatanCode: row.subKegiatanCode, accountCode: row.accountCode, fiscalYear: year });
    return { id: line.id, sipd: { accountCode: line.accountCode, fiscalYear: year } };
  }
  const matches = await ctx.tx.budgetLine.findMany({
    where: {
      description: { equals: row.line, mode: "insensitive" },
      programme: { opdId, name: { equals: row.programme, mode: "insensitive" }, ...(row.fiscalYear ? { fiscalYear: row.fiscalYear } : {}) },
    },
    select: { id: true },
    take: 2,
  });
  if (matches.length === 0) throw notFound(`Pos anggaran "${row.line}" pada program "${row.programme}"`);
  if (matches.length > 1) {
    throw wordedError("INVALID", "Budget.errors.importLineAmbiguous", { line: row.line, programme: row.programme });
  }
  return { id: matches[0]!.id };
}

async function saveRealisationRow(ctx: ActionContext, row: RealisationRow, upload: SaveRowContext<ImportOptions>) {
  const line = await budgetLineOf(ctx, row, upload.options);
  const codes =
    !row.referenceNo && row.subKegiatanCode && line.sipd
      ? { subKegiatanCode: row.subKegiatanCode, accountCode: row.accountCode ?? line.sipd.accountCode, fiscalYear: line.sipd.fiscalYear, month: row.month }
      : null;
  const referenceNo = codes ? sipdReference(codes) : row.referenceNo;
  try {
    // A reference already saved, or met earlier in this file, refuses the row (NUMBER_TAKEN).
    const saved = await createRealisation(ctx, { budgetLineId: line.id, month: row.month, referenceNo, amount: row.amount, note: row.note });
    if (codes) await noteOtherEntries(ctx, saved, row.month, upload);
    return saved;
  } catch (error) {
    if (codes && isAppError(error) && error.code === "NUMBER_TAKEN") {
      throw wordedError("NUMBER_TAKEN", "Budget.errors.sipdReferenceTaken", { reference: referenceNo, month: row.month, fiscalYear: codes.fiscalYear });
    }
    throw error;
  }
}

/**
 * A row without an SP2D number cannot tell its spending from entries typed in by hand with
 * theirs: the month's other entries on the line are noted, so the clerk checks for a double count.
 */
async function noteOtherEntries(
  ctx: ActionContext,
  saved: { realisationId: string; budgetLineId: string },
  month: number,
  upload: SaveRowContext<ImportOptions>,
) {
  const others = await ctx.tx.budgetRealisation.count({
    where: { budgetLineId: saved.budgetLineId, month, id: { not: saved.realisationId }, reversesId: null, reversedAt: null },
  });
  if (others > 0) upload.note(wordsMessage("Budget.input.rowSipdMonthHasEntries", { count: others, month }));
}

export const importRealisationsDefinition = defineTableImport({
  name: "budget.realisations.import",
  permission: "entry:write",
  columns: REALISATION_COLUMNS,
  parseRow: parseRealisationRow,
  options: importOptions,
  // An account without an OPD is refused once, before any row.
  resolve: async (ctx) => (writerOpdId(ctx.user), new Map()),
  saveRow: (ctx, row, _rowNumber, upload) => saveRealisationRow(ctx, row, upload),
  writes: ["BudgetRealisation"],
  taskRoute: budgetRoutes.importTask,
});
