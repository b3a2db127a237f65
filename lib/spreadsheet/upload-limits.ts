// The limits every upload is read under, and the refusal that names the one it passed. A
// small file can unpack to gigabytes (an .xlsx is a zip), one cell can hold megabytes, and a
// rejected row is kept in the report: each is bounded here, once, for every import.
import { createTranslator } from "next-intl";
import { AppError } from "@/lib/errors";
import id from "@/messages/id";

export type UploadLimits = {
  /** Bytes received; a larger declared length is refused before reading. */
  maxBytes: number;
  /** Sum of the inflated sizes of an .xlsx's zip entries, declared and actual. */
  maxUnpackedBytes: number;
  /** The inflated shared-strings table, which the reader keeps in memory. */
  maxSharedStringsBytes: number;
  /** Characters of one cell. */
  maxCellChars: number;
  /**
   * Characters of all cells together: one long shared string in every cell of an .xlsx
   * multiplies itself without making the file any larger.
   */
  maxTextChars: number;
  /** Columns holding a value. */
  maxColumns: number;
  /** Data rows (up to 20 title rows above the header come on top). */
  maxRows: number;
  /** Heap of the thread that parses; past it the thread dies, not the server. */
  maxHeapMb: number;
  /** Milliseconds the whole read may take. */
  timeoutMs: number;
};

const MB = 1024 * 1024;

/**
 * The registry's extract: 100,000 households are about 350,000 member rows, 35 MB of CSV or
 * an .xlsx of about 300 MB unpacked.
 */
export const REGISTRY_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 100 * MB,
  maxUnpackedBytes: 800 * MB,
  maxSharedStringsBytes: 96 * MB,
  maxCellChars: 2_000,
  maxTextChars: 160 * MB,
  maxColumns: 100,
  maxRows: 500_000,
  maxHeapMb: 384,
  timeoutMs: 10 * 60_000,
};

/** A small-table import (aid, participants, realisations, statistics, repayments), read whole in one request. */
export const TABLE_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 10 * MB,
  maxUnpackedBytes: 64 * MB,
  maxSharedStringsBytes: 16 * MB,
  maxCellChars: 2_000,
  maxTextChars: 32 * MB,
  maxColumns: 100,
  maxRows: 20_000,
  maxHeapMb: 128,
  timeoutMs: 60_000,
};

export type UploadLimitKind = "bytes" | "unpacked" | "cell" | "line" | "columns" | "rows" | "time" | "memory";

const words = createTranslator({ locale: "id", messages: id, namespace: "UploadLimits" });

/** The refusal of an upload past a limit: code UPLOAD_LIMIT, the limit, and its words in both languages. */
export class UploadLimitError extends AppError {
  constructor(
    readonly limit: UploadLimitKind,
    readonly params: { max?: number; row?: number } = {},
  ) {
    const shown = { max: params.max ?? 0, row: params.row ?? 0 };
    super("UPLOAD_LIMIT", words(limit, shown), undefined, { key: `UploadLimits.${limit}`, params: shown });
    this.name = "UploadLimitError";
  }
}

/** The refusal for a limit in its own unit: megabytes for sizes, seconds for time. */
export function uploadLimitError(limit: UploadLimitKind, limits: UploadLimits, row?: number, maxBytes?: number): UploadLimitError {
  const max: Record<UploadLimitKind, number | undefined> = {
    bytes: Math.round(limits.maxBytes / MB),
    unpacked: Math.round((maxBytes ?? limits.maxUnpackedBytes) / MB),
    cell: limits.maxCellChars,
    line: undefined,
    columns: limits.maxColumns,
    rows: limits.maxRows,
    time: Math.round(limits.timeoutMs / 1000),
    memory: undefined,
  };
  return new UploadLimitError(limit, { max: max[limit], row });
}

/** Refuses before reading a body whose declared length is already past the limit. */
export function refuseDeclaredLength(declared: number | null | undefined, limits: Pick<UploadLimits, "maxBytes">): void {
  if (declared !== null && declared !== undefined && Number.isFinite(declared) && declared > limits.maxBytes) {
    throw uploadLimitError("bytes", { ...REGISTRY_UPLOAD_LIMITS, ...limits });
  }
}

/** A request's Content-Length, when it sent one. */
export function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  if (!value || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** What a report keeps of rejected rows: each cell and reason as a short excerpt, and no more than its budget. */
export const REPORT_LIMITS = {
  cellChars: 120,
  reasonChars: 400,
  /** JSON characters of the kept rows; rows past it are counted, not kept. */
  totalChars: 4 * MB,
} as const;

type ReportRow = { rowNumber: number; reasons: string[]; cells: string[] };

/** A text cut to `max` characters, the cut marked with an ellipsis. */
export const excerpt = (text: string, max: number = REPORT_LIMITS.cellChars) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Rejected rows as a report may keep them: cells and reasons cut to excerpts, rows kept in
 * order until the budget is spent. `omitted` counts the rows left out.
 */
export function boundRejectedRows<Row extends ReportRow>(rows: readonly Row[], budget: Partial<typeof REPORT_LIMITS> = {}): { kept: Row[]; omitted: number } {
  const limits = { ...REPORT_LIMITS, ...budget };
  const kept: Row[] = [];
  let used = 0;
  for (const row of rows) {
    const bounded = {
      ...row,
      cells: row.cells.map((cell) => excerpt(cell, limits.cellChars)),
      reasons: row.reasons.slice(0, 20).map((reason) => excerpt(reason, limits.reasonChars)),
    };
    used += JSON.stringify(bounded).length;
    if (used > limits.totalChars) return { kept, omitted: rows.length - kept.length };
    kept.push(bounded);
  }
  return { kept, omitted: 0 };
}

/** Header texts as a report keeps them. */
export function boundHeaders(headers: readonly string[]): string[] {
  return headers.map((header) => excerpt(header, REPORT_LIMITS.cellChars));
}
