// Streams the rows of an uploaded .xlsx or .csv without holding the file: bytes are
// counted and hashed as they pass, CSV text is decoded chunk by chunk (UTF-8, or
// Windows-1252 once a byte is not valid UTF-8; UTF-16 with its mark), xlsx is read by
// exceljs's streaming reader. Formulas are handed over as formulas, never evaluated.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse";
import ExcelJS from "exceljs";
import type { Cell } from "./cells";

export type SpreadsheetFormat = "xlsx" | "csv";

export type SheetRow = {
  /** As the spreadsheet program numbers it: the header is usually row 1. */
  rowNumber: number;
  cells: Cell[];
};

/**
 * Limits against absurd files; the reasons say them in Indonesian. A DTSEN extract of 100,000
 * households is about 350,000 member rows and 35 MB of CSV: it must fit in one file.
 */
export const READ_LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  maxRows: 500_000,
  maxColumns: 100,
} as const;

/** A file the import cannot read at all; the message is for the user. */
export class ImportFileError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = "ImportFileError";
  }
}

export type ReadOptions = {
  fileName: string;
  /** Called with the bytes read so far, for progress. */
  onBytes?: (bytes: number) => void;
  maxBytes?: number;
  maxRows?: number;
};

export type Spreadsheet = {
  format: SpreadsheetFormat;
  rows: AsyncGenerator<SheetRow>;
  /** SHA-256 of the whole file, once `rows` has been read to the end. */
  digest: () => string;
  bytes: () => number;
  /** The text encoding a CSV was read in; null for xlsx. */
  encoding: () => TextEncodingName | null;
};

type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Opens an upload: .xlsx by its zip signature, anything else as CSV. */
export async function readSpreadsheet(source: ByteSource, options: ReadOptions): Promise<Spreadsheet> {
  const hash = createHash("sha256");
  let total = 0;
  const maxBytes = options.maxBytes ?? READ_LIMITS.maxBytes;
  const maxRows = options.maxRows ?? READ_LIMITS.maxRows;
  const iterator = toAsyncIterable(source)[Symbol.asyncIterator]();

  async function* counted(first: Uint8Array | null): AsyncGenerator<Uint8Array> {
    if (first) yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = next.value;
      total += chunk.byteLength;
      if (total > maxBytes) throw new ImportFileError(`Berkas terlalu besar: lebih dari ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      hash.update(chunk);
      options.onBytes?.(total);
      yield chunk;
    }
  }

  // The first bytes decide the format.
  let head: Uint8Array = new Uint8Array(0);
  const firstChunks: Uint8Array[] = [];
  while (head.byteLength < 8) {
    const next = await iterator.next();
    if (next.done) break;
    total += next.value.byteLength;
    hash.update(next.value);
    firstChunks.push(next.value);
    head = concat(firstChunks);
  }
  options.onBytes?.(total);
  if (head.byteLength === 0) throw new ImportFileError("Berkas kosong.");
  const first = head;

  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (isOle || /\.xls$/i.test(options.fileName)) {
    throw new ImportFileError("Format .xls (Excel 97–2003) tidak didukung. Buka berkas di Excel lalu simpan sebagai .xlsx atau .csv.");
  }
  if (!isZip && /\.xlsx$/i.test(options.fileName)) throw new ImportFileError("Berkas .xlsx ini rusak atau bukan berkas Excel.");
  if (isZip && !/\.xlsx$/i.test(options.fileName) && /\.(ods|zip|docx)$/i.test(options.fileName)) {
    throw new ImportFileError("Hanya berkas .xlsx dan .csv yang dapat diimpor.");
  }

  const format: SpreadsheetFormat = isZip ? "xlsx" : "csv";
  const bytes = counted(first);
  let encoding: TextEncodingName | null = null;
  const rows = limitRows(format === "xlsx" ? xlsxRows(bytes) : csvRows(bytes, (name) => (encoding = name)), maxRows);
  let digest: string | null = null;
  return { format, rows, digest: () => (digest ??= hash.digest("hex")), bytes: () => total, encoding: () => encoding };
}

async function* limitRows(rows: AsyncGenerator<SheetRow>, maxRows: number): AsyncGenerator<SheetRow> {
  let count = 0;
  for await (const row of rows) {
    count += 1;
    // One header row (or a few title rows above it) on top of the data.
    if (count > maxRows + 20) {
      throw new ImportFileError(`Berkas terlalu besar: lebih dari ${maxRows.toLocaleString("id-ID")} baris. Bagi menjadi beberapa berkas.`);
    }
    yield row;
  }
}

// ───────────────────────────── CSV ─────────────────────────────

async function* csvRows(bytes: AsyncIterable<Uint8Array>, onEncoding: (name: TextEncodingName) => void): AsyncGenerator<SheetRow> {
  const text = decodeText(bytes, onEncoding);
  // The separator is read from the first line: the one of , ; or tab that it holds most.
  const firstPiece = await text.next();
  if (firstPiece.done) return;
  const firstLine = firstPiece.value.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = detectDelimiter(firstLine);

  const parser = parseCsv({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: 64 * 1024,
  });
  const input = Readable.from(
    (async function* () {
      yield firstPiece.value;
      for await (const piece of { [Symbol.asyncIterator]: () => text }) yield piece;
    })(),
  );
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      if (record.length > READ_LIMITS.maxColumns) record.length = READ_LIMITS.maxColumns;
      yield { rowNumber, cells: record.map((value) => (value === "" ? null : value)) };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "CSV_MAX_RECORD_SIZE") throw new ImportFileError(`Baris ${rowNumber + 1} terlalu panjang; periksa tanda kutip pada berkas CSV.`);
    if (typeof code === "string" && code.startsWith("CSV_")) {
      throw new ImportFileError(`Berkas CSV tidak dapat dibaca sekitar baris ${rowNumber + 1} (${code}).`);
    }
    throw error;
  }
}

export function detectDelimiter(line: string): string {
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: line.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]!.count > 0 ? counts[0]!.delimiter : ",";
}

export type TextEncodingName = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/**
 * Decodes bytes to text as they come: UTF-8 (a byte-order mark is dropped) until a byte
 * sequence is not valid UTF-8, from there on Windows-1252 — which every byte is valid in,
 * and which is what Excel writes "CSV" in on Indonesian Windows. Text before that point
 * was plain ASCII or valid UTF-8, identical either way for the names in an extract.
 * `onEncoding` tells which was used (for the report).
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  onEncoding?: (encoding: TextEncodingName) => void,
): AsyncGenerator<string, void, undefined> {
  let encoding: TextEncodingName | null = null;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let other: TextDecoder | null = null;
  let carry: Uint8Array = new Uint8Array(0);
  const use = (name: TextEncodingName) => {
    encoding = name;
    onEncoding?.(name);
  };
  for await (const chunk of bytes) {
    let data = carry.byteLength ? concat([carry, chunk]) : chunk;
    carry = new Uint8Array(0);
    if (encoding === null) {
      if (data.byteLength < 3) {
        carry = data;
        continue;
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
        data = data.subarray(3);
        use("utf-8");
      } else if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
        const name = data[0] === 0xff ? "utf-16le" : "utf-16be";
        other = new TextDecoder(name);
        data = data.subarray(2);
        use(name);
      } else {
        use("utf-8");
      }
    }
    if (other) {
      const text = other.decode(data, { stream: true });
      if (text) yield text;
      continue;
    }
    // A multi-byte character cut by the chunk boundary waits for the next chunk.
    const cut = data.byteLength - incompleteUtf8Tail(data);
    try {
      const text = utf8.decode(data.subarray(0, cut));
      carry = data.slice(cut);
      if (text) yield text;
    } catch {
      other = new TextDecoder("windows-1252");
      use("windows-1252");
      const text = other.decode(data, { stream: true });
      if (text) yield text;
    }
  }
  if (encoding === null && carry.byteLength) use("utf-8");
  if (other) {
    const rest = other.decode(carry.byteLength ? carry : undefined);
    if (rest) yield rest;
  } else if (carry.byteLength) {
    try {
      yield utf8.decode(carry);
    } catch {
      onEncoding?.("windows-1252");
      yield new TextDecoder("windows-1252").decode(carry);
    }
  }
}

/** How many bytes at the end of `data` start a UTF-8 sequence that the chunk does not finish. */
function incompleteUtf8Tail(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.byteLength); back += 1) {
    const byte = data[data.byteLength - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if ((byte & 0xc0) === 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? back : 0;
    }
    return 0;
  }
  return 0;
}

// ───────────────────────────── xlsx ─────────────────────────────

type ExcelValue = ExcelJS.CellValue;

async function* xlsxRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  const input = Readable.from(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets += 1;
      // The first worksheet is the extract; the others are read past so the whole file is hashed.
      for await (const row of worksheet) {
        if (sheets > 1) continue;
        const values = row.values as ExcelValue[];
        const cells: Cell[] = [];
        const width = Math.min(values.length - 1, READ_LIMITS.maxColumns);
        for (let column = 1; column <= width; column += 1) cells.push(toCell(values[column]));
        yield { rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("Berkas .xlsx tidak dapat dibaca: mungkin rusak, dilindungi kata sandi, atau bukan berkas Excel.");
  }
  if (sheets === 0) throw new ImportFileError("Berkas .xlsx tidak memiliki lembar kerja.");
}

function toCell(value: ExcelValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? "";
      return { formula };
    }
    if ("error" in value) return { error: String((value as { error: unknown }).error) };
    if ("richText" in value) return (value as { richText: { text: string }[] }).richText.map((part) => part.text).join("");
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

// ───────────────────────────── helpers ─────────────────────────────

function toAsyncIterable(source: ByteSource): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in source) return source as AsyncIterable<Uint8Array>;
  const stream = source as ReadableStream<Uint8Array>;
  return {
    async *[Symbol.asyncIterator]() {
      const reader = stream.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
