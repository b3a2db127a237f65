// A small-table import (up to 20,000 rows): its file is read and every row checked and saved by
// a job (lib/spreadsheet/table-import-job.ts), never on the web request.
//
//   export const importX = defineTableImport({
//     name: "x.import", permission: "entry:write", columns: X_COLUMNS,
//     parseRow: (values, rowNumber) => …ok(value) / rejectRow("reason", …),  // pure, per row
//     resolve: async (ctx, rows) => Map<rowNumber, reasons>,                   // optional, in bulk
//     saveRow: async (ctx, value, rowNumber, row) => { …the domain's own create function… },  // AppError → row rejected
//     options: { acknowledgeDuplicates: checkbox },                            // optional extra form fields
//     writes: ["X"],
//   });
//
// The form sends FormData { file, mode: "dry-run" | "commit", …options } to a server action
// that keeps the file with a job and answers the job's id; the page polls the job. In the job,
// the file is read and each row parsed (a missing required column rejects the whole file), then,
// in one transaction, each accepted row is saved under its own savepoint: a row whose save
// throws an AppError (pagu exceeded, not of your OPD, …) is undone alone and reported. saveRow
// may attach notes to a row it saves (row.note("…")): warnings the report lists beside the
// accepted row. A dry run does the same work and then rolls everything back, so its report is
// exactly what a commit would do and nothing is written.
import type { z as zod } from "zod";
import type { ActionContext } from "@/lib/actions/define";
import type { Permission } from "@/lib/auth/permissions";
import { refreshStatistics, type AnalyzedTable } from "@/lib/db/refresh-statistics";
import { messageWordsIn } from "@/lib/actions/error-words";
import { AppError, isAppError } from "@/lib/errors";
import { wordsMessage } from "@/lib/errors/words-message";
import { cellDisplay, isEmptyCell, type Cell } from "./cells";
import { headerScore, matchHeaders, type ImportColumn } from "./columns";
import { fileRefusal, ImportFileError, readSpreadsheet } from "./read";
import { boundRejectedRows, excerpt, refuseDeclaredLength, TABLE_UPLOAD_LIMITS } from "./upload-limits";

export const MAX_TABLE_ROWS = TABLE_UPLOAD_LIMITS.maxRows;

export type RowResult<T> = { ok: true; value: T } | { ok: false; reasons: string[] };
export const acceptRow = <T>(value: T): RowResult<T> => ({ ok: true, value });
export const rejectRow = (...reasons: string[]): RowResult<never> => ({ ok: false, reasons });

/**
 * A row's reasons and notes are messages: catalogue words (wordsMessage) that the report says in
 * its reader's language (reportWordsIn), or, in reports kept from before, Indonesian text.
 */
export class RowRefused extends AppError {
  constructor(readonly reasons: string[]) {
    super("INVALID", reasons.map((reason) => messageWordsIn(reason, "id")).join("; "));
  }
}

/** Why saveRow's error rejects the row, as report messages. */
function reasonsOf(error: AppError): string[] {
  if (error instanceof RowRefused) return error.reasons;
  return [error.words ? wordsMessage(error.words.key, error.words.params) : error.userMessage];
}

/** Rejected rows with their reasons in `locale`. */
export function rejectedWordsIn(rows: RejectedRow[], locale: string | null | undefined): RejectedRow[] {
  return rows.map((row) => ({ ...row, reasons: row.reasons.map((reason) => messageWordsIn(reason, locale)) }));
}

/** A report with its reasons and notes in `locale`. */
export function reportWordsIn(report: TableImportReport, locale: string | null | undefined): TableImportReport {
  return {
    ...report,
    rejected: rejectedWordsIn(report.rejected, locale),
    notes: report.notes.map((row) => ({ ...row, notes: row.notes.map((note) => messageWordsIn(note, locale)) })),
  };
}

/** The cells of one data row, by column key; a column the file lacks reads as null. */
export type RowValues<Key extends string> = Record<Key, Cell>;

export type RejectedRow = { rowNumber: number; reasons: string[]; cells: string[] };

/** An accepted row with warnings worth reading before (or after) the commit. */
export type NotedRow = { rowNumber: number; notes: string[] };

export type ImportMode = "dry-run" | "commit";

/** What the action answers; the panel shows it and offers the rejected rows as .csv. */
export type TableImportReport = {
  mode: ImportMode;
  fileName: string;
  /** The file's header row as written, for the rejected-rows download. */
  headers: string[];
  ignoredColumns: string[];
  total: number;
  accepted: number;
  /** The rejected rows as excerpts, as many as the report's budget holds (upload-limits.ts). */
  rejected: RejectedRow[];
  /** Rejected rows past the budget: counted, not listed. */
  rejectedOmitted: number;
  /** Accepted rows that saveRow noted, by row number. */
  notes: NotedRow[];
};

export type ParsedTable<T> = {
  fileName: string;
  headers: string[];
  ignoredColumns: string[];
  rows: { rowNumber: number; cells: string[]; result: RowResult<T> }[];
};

/**
 * Reads a whole small table: finds the header row among the first ten, maps the columns,
 * parses every non-empty row. A file that cannot be read throws ImportFileError; one past
 * the limits of a table (TABLE_UPLOAD_LIMITS) throws UploadLimitError.
 */
export async function readTable<Key extends string, T>(
  file: File,
  columns: readonly ImportColumn<Key>[],
  parseRow: (values: RowValues<Key>, rowNumber: number) => RowResult<T>,
): Promise<ParsedTable<T>> {
  // Before file.stream(), which starts pulling the body.
  refuseDeclaredLength(file.size, TABLE_UPLOAD_LIMITS);
  const sheet = await readSpreadsheet(file.stream(), { fileName: file.name, declaredBytes: file.size, limits: TABLE_UPLOAD_LIMITS });
  let mapping: Partial<Record<Key, number>> | null = null;
  let headers: string[] = [];
  let ignoredColumns: string[] = [];
  // A report's title block may name a column ("Bulan | Maret", "Tahun Anggaran | 2026"): a row
  // that names some columns but not the required ones is passed over while a header follows.
  let refusal: string | null = null;
  const rows: ParsedTable<T>["rows"] = [];
  for await (const row of sheet.rows) {
    const cells = row.cells.map(cellDisplay);
    if (!mapping) {
      if (row.rowNumber > 10) break;
      if (headerScore(columns, cells) === 0) continue;
      const match = matchHeaders(columns, cells);
      if (!match.ok) {
        refusal ??= match.message;
        continue;
      }
      mapping = match.indexByKey;
      headers = cells.map((cell) => cell.trim());
      ignoredColumns = match.ignored;
      continue;
    }
    if (row.cells.every(isEmptyCell)) continue;
    const values = {} as RowValues<Key>;
    for (const column of columns) {
      const index = mapping[column.key];
      values[column.key] = index === undefined ? null : (row.cells[index] ?? null);
    }
    // Only a rejected row's excerpt is ever shown: the whole text of every row is not kept.
    rows.push({ rowNumber: row.rowNumber, cells: cells.map((cell) => excerpt(cell)), result: parseRow(values, row.rowNumber) });
  }
  if (!mapping) {
    if (refusal) throw new ImportFileError(refusal);
    const required = columns.filter((column) => column.required).map((column) => column.header);
    throw new ImportFileError(fileRefusal("headerNotFound", { columns: required.join(", ") }));
  }
  if (rows.length === 0) throw new ImportFileError(fileRefusal("noDataRows"));
  return { fileName: file.name, headers, ignoredColumns, rows };
}

/** What saveRow learns about the upload besides the row: the mode, the form's options, and a way to note the row. */
export type SaveRowContext<Options> = { mode: ImportMode; options: Options; note: (...notes: string[]) => void };

export type OptionsShape = Record<string, zod.ZodType>;
export type OptionsOf<Shape extends OptionsShape> = { [K in keyof Shape]: zod.output<Shape[K]> };

export type TableImportSpec<Key extends string, T, Shape extends OptionsShape = Record<never, never>> = {
  /** Unique action name, e.g. "budget.realisations.import". */
  name: string;
  permission: Permission;
  columns: readonly ImportColumn<Key>[];
  /** Pure: the cells of one row → its value, or its reasons (wordsMessage). */
  parseRow: (values: RowValues<Key>, rowNumber: number) => RowResult<T>;
  /** Optional bulk check in the transaction (e.g. one query for every NIK): reasons by row number. */
  resolve?: (ctx: ActionContext, rows: { rowNumber: number; value: T }[]) => Promise<Map<number, string[]>>;
  /** Extra fields of the upload form (e.g. a tick box), parsed with the file and handed to saveRow. */
  options?: Shape;
  /** Writes one row with the domain's own function; an AppError rejects this row only. */
  saveRow: (ctx: ActionContext, value: T, rowNumber: number, row: SaveRowContext<OptionsOf<Shape>>) => Promise<unknown>;
  /**
   * The tables saveRow writes, those its summary triggers keep included: a large commit
   * refreshes their planner statistics (lib/db/refresh-statistics.ts). The audit log is added.
   */
  writes: readonly AnalyzedTable[];
  /** The status route of this import's jobs (app/…/impor/tugas/[taskId]), which its page polls. */
  taskRoute: (tenantSlug: string, taskId: string) => string;
  /** Milliseconds the job's transaction may take; default 120 s. */
  timeout?: number;
};

/** Progress of the rows' check and save (the job reports it to the page; it may throw to stop). */
export type TableImportProgress = (done: number, total: number) => void;

/**
 * Checks and saves a read table in the caller's transaction (the job's): a dry run rolls its
 * saves back; a commit keeps them and refreshes the written tables' planner statistics.
 */
export async function applyTableImport<Key extends string, T, Shape extends OptionsShape>(
  ctx: ActionContext,
  spec: TableImportSpec<Key, T, Shape>,
  mode: ImportMode,
  table: ParsedTable<T>,
  options: OptionsOf<Shape>,
  onProgress: TableImportProgress = () => {},
): Promise<TableImportReport> {
  const rejected: RejectedRow[] = [];
  const notes: NotedRow[] = [];
  const parsed: { rowNumber: number; cells: string[]; value: T }[] = [];
  for (const row of table.rows) {
    if (row.result.ok) parsed.push({ rowNumber: row.rowNumber, cells: row.cells, value: row.result.value });
    else rejected.push({ rowNumber: row.rowNumber, cells: row.cells, reasons: row.result.reasons });
  }
  const bulk = spec.resolve ? await spec.resolve(ctx, parsed) : new Map<number, string[]>();

  await ctx.tx.$executeRawUnsafe("SAVEPOINT table_import");
  let accepted = 0;
  let done = 0;
  for (const row of parsed) {
    onProgress(done++, parsed.length);
    const reasons = bulk.get(row.rowNumber);
    if (reasons?.length) {
      rejected.push({ rowNumber: row.rowNumber, cells: row.cells, reasons });
      continue;
    }
    await ctx.tx.$executeRawUnsafe("SAVEPOINT table_import_row");
    const rowNotes: string[] = [];
    try {
      await spec.saveRow(ctx, row.value, row.rowNumber, { mode, options, note: (...texts) => void rowNotes.push(...texts) });
      await ctx.tx.$executeRawUnsafe("RELEASE SAVEPOINT table_import_row");
      accepted += 1;
      if (rowNotes.length > 0) notes.push({ rowNumber: row.rowNumber, notes: rowNotes });
    } catch (error) {
      if (!isAppError(error)) throw error;
      await ctx.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT table_import_row");
      rejected.push({ rowNumber: row.rowNumber, cells: row.cells, reasons: reasonsOf(error) });
    }
  }
  onProgress(parsed.length, parsed.length);
  if (mode === "dry-run") await ctx.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT table_import");
  else {
    await ctx.tx.$executeRawUnsafe("RELEASE SAVEPOINT table_import");
    await refreshStatistics(ctx.tx, [...spec.writes, "AuditLog"], accepted);
  }

  rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  const bounded = boundRejectedRows(rejected);
  return {
    mode,
    fileName: table.fileName,
    headers: table.headers,
    ignoredColumns: table.ignoredColumns,
    total: table.rows.length,
    accepted,
    rejected: bounded.kept,
    rejectedOmitted: bounded.omitted,
    notes: notes.slice(0, 1_000),
  };
}
