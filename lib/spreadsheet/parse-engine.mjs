// The parsing itself, run inside the parse worker (parse-worker.mjs) so that a file built to
// exhaust memory or time takes down a thread, not the server. Plain JavaScript with no
// imports from the app, so the worker starts the same under Next, vitest, tsx and node.
// Every limit (upload-limits.ts) is checked here as the bytes are unpacked and the rows
// read: the zip's declared and actual inflated sizes before the reader sees it, then each
// row's columns and cell lengths, then the number of rows.
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { parse as parseCsv } from "csv-parse";
import { worksheetRows } from "./xlsx-reader.mjs";

/** A limit the file passed; the main thread turns it into the user's refusal. */
export class LimitFailure extends Error {
  /** `maxBytes`: when the limit passed is not the one its kind usually names (the shared strings). */
  constructor(limit, row, maxBytes) {
    super(`upload limit: ${limit}`);
    this.limit = limit;
    this.row = row;
    this.maxBytes = maxBytes;
  }
}

/**
 * Why a file cannot be read, as a message naming its words (Spreadsheet.errors.<reason>, the
 * form of lib/errors/words-message.ts), said in each reader's language where it is shown.
 */
function fileRefusal(reason, params = {}) {
  const key = `Spreadsheet.errors.${reason}`;
  return Object.keys(params).length ? `${key} ${JSON.stringify(params)}` : key;
}

/** A file that cannot be read; the message (fileRefusal) is for the user. */
export class FileFailure extends Error {
  constructor(userMessage) {
    super(userMessage);
    this.userMessage = userMessage;
  }
}

/** Rows of the upload, each checked against the limits. */
export async function* parseRows(format, bytes, limits, onEncoding) {
  let count = 0;
  let text = 0;
  const rows = format === "xlsx" ? xlsxRows(bytes, limits) : csvRows(bytes, limits, onEncoding);
  for await (const row of rows) {
    count += 1;
    // One header row (or a few title rows above it) on top of the data.
    if (count > limits.maxRows + 20) throw new LimitFailure("rows");
    row.chars = checkCells(row, limits);
    text += row.chars;
    if (text > limits.maxTextChars) throw new LimitFailure("unpacked", undefined, limits.maxTextChars);
    yield row;
  }
}

/** Holds a row to the column and cell limits; returns its characters of text. */
function checkCells(row, limits) {
  const { cells } = row;
  let chars = 0;
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index];
    if (cell === null || cell === undefined || cell === "") continue;
    if (index >= limits.maxColumns) throw new LimitFailure("columns", row.rowNumber);
    const text = typeof cell === "string" ? cell : typeof cell === "object" && !(cell instanceof Date) ? (cell.formula ?? cell.error ?? "") : "";
    if (text.length > limits.maxCellChars) throw new LimitFailure("cell", row.rowNumber);
    chars += text.length + 8;
  }
  if (cells.length > limits.maxColumns) cells.length = limits.maxColumns;
  return chars;
}

async function collect(bytes) {
  const parts = [];
  for await (const chunk of bytes) parts.push(chunk);
  return Buffer.concat(parts);
}

// ───────────────────────────── CSV ─────────────────────────────

async function* csvRows(bytes, limits, onEncoding) {
  const text = decodeText(bytes, onEncoding);
  // The separator is read from the first line: the one of , ; tab or | (SIKS-NG) that it holds most.
  const firstPiece = await text.next();
  if (firstPiece.done) return;
  const firstLine = firstPiece.value.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = detectDelimiter(firstLine);

  const parser = parseCsv({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // A whole record's characters: a line of a million separators stops here.
    max_record_size: Math.max(64 * 1024, limits.maxCellChars * 4),
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
    for await (const record of parser) {
      rowNumber += 1;
      yield { rowNumber, cells: record.map((value) => (value === "" ? null : value)) };
    }
  } catch (error) {
    if (error instanceof LimitFailure || error instanceof FileFailure) throw error;
    const code = error?.code;
    // csv-parse's own count: records it had parsed but not handed over yet are counted too.
    if (code === "CSV_MAX_RECORD_SIZE") throw new LimitFailure("line", error.lines ?? rowNumber + 1);
    if (typeof code === "string" && code.startsWith("CSV_")) {
      throw new FileFailure(fileRefusal("csvUnreadable", { row: rowNumber + 1, code: String(code) }));
    }
    throw error;
  }
}

export function detectDelimiter(line) {
  const counts = [",", ";", "\t", "|"].map((delimiter) => ({ delimiter, count: line.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0].count > 0 ? counts[0].delimiter : ",";
}

/**
 * Decodes bytes to text as they come: UTF-8 (a byte-order mark is dropped) until a byte
 * sequence is not valid UTF-8, from there on Windows-1252 — which every byte is valid in,
 * and which is what Excel writes "CSV" in on Indonesian Windows. Text before that point
 * was plain ASCII or valid UTF-8, identical either way for the names in an extract.
 * `onEncoding` tells which was used (for the report).
 */
export async function* decodeText(bytes, onEncoding) {
  let encoding = null;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let other = null;
  let carry = new Uint8Array(0);
  const use = (name) => {
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
function incompleteUtf8Tail(data) {
  for (let back = 1; back <= Math.min(3, data.byteLength); back += 1) {
    const byte = data[data.byteLength - back];
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

const XLSX_UNREADABLE = fileRefusal("xlsxUnreadable");

async function* xlsxRows(upload, limits) {
  const buffer = await collect(upload);
  const entries = await inspectZip(buffer, limits);
  let rows;
  try {
    rows = worksheetRows(buffer, entries, limits, {
      onNoSheet: () => {
        throw new FileFailure(fileRefusal("noSheets"));
      },
      onTooLarge: (limit, row) => {
        throw new LimitFailure(limit, row);
      },
    });
    for await (const row of rows) yield { rowNumber: row.rowNumber, cells: rowCells(row, limits) };
  } catch (error) {
    if (error instanceof LimitFailure || error instanceof FileFailure) throw error;
    throw new FileFailure(XLSX_UNREADABLE);
  }
}

function rowCells(row, limits) {
  const { values } = row;
  // A cell far to the right (XFD1) makes a sparse array: look only at the cells it holds.
  if (values.length - 1 > limits.maxColumns) {
    for (const key of Object.keys(values)) {
      const value = values[Number(key)];
      if (Number(key) > limits.maxColumns && value !== null && value !== undefined && value !== "") throw new LimitFailure("columns", row.rowNumber);
    }
  }
  const cells = [];
  const width = Math.min(values.length - 1, limits.maxColumns);
  for (let column = 1; column <= width; column += 1) cells.push(toCell(values[column]));
  return cells;
}

function toCell(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      // The value the spreadsheet program stored with the formula, when it did: never evaluated here.
      const result = value.result === undefined ? undefined : toCell(value.result);
      return result === undefined || result === null
        ? { formula: value.formula ?? value.sharedFormula ?? "" }
        : { formula: value.formula ?? value.sharedFormula ?? "", result };
    }
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;

/**
 * Checks an .xlsx before the reader unpacks it: from the zip's central directory, each
 * entry's declared inflated size (the sum, and the shared strings the reader keeps in
 * memory); then each entry is inflated and counted without being kept, so an entry that
 * inflates past what it declared is caught too. The entries must follow one another as the
 * directory says. Returns the entries, each with where its data starts and stops.
 */
export async function inspectZip(buffer, limits) {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  const broken = () => new FileFailure(XLSX_UNREADABLE);

  let end = -1;
  for (let at = buffer.byteLength - 22; at >= Math.max(0, buffer.byteLength - 22 - 0xffff); at -= 1) {
    if (u32(at) === END_OF_CENTRAL) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken();
  const count = u16(end + 10);
  const directoryOffset = u32(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff || directoryOffset >= buffer.byteLength) throw broken();

  const entries = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > buffer.byteLength || u32(at) !== CENTRAL_HEADER) throw broken();
    const nameLength = u16(at + 28);
    const entry = {
      flags: u16(at + 8),
      method: u16(at + 10),
      compressed: u32(at + 20),
      size: u32(at + 24),
      offset: u32(at + 42),
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
    };
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) throw broken();
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }

  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > limits.maxUnpackedBytes) throw new LimitFailure("unpacked");
  const sharedStrings = entries.find((entry) => entry.name.toLowerCase() === "xl/sharedstrings.xml");
  if (sharedStrings && sharedStrings.size > limits.maxSharedStringsBytes) throw new LimitFailure("unpacked", undefined, limits.maxSharedStringsBytes);

  entries.sort((a, b) => a.offset - b.offset);
  let expected = 0;
  for (const entry of entries) {
    if (entry.offset !== expected || entry.offset + 30 > buffer.byteLength || u32(entry.offset) !== LOCAL_HEADER) throw broken();
    const localFlags = u16(entry.offset + 6);
    if ((localFlags & 0x08) === 0 && (u32(entry.offset + 18) !== entry.compressed || u32(entry.offset + 22) !== entry.size)) throw broken();
    const start = entry.offset + 30 + u16(entry.offset + 26) + u16(entry.offset + 28);
    const stop = start + entry.compressed;
    if (stop > buffer.byteLength) throw broken();
    if (entry.method === 0) {
      if (entry.compressed !== entry.size) throw broken();
    } else if (entry.method === 8) {
      // The reader trusts no declared size, so an entry that inflates past its own is a bomb.
      const inflated = await inflatedSize(buffer.subarray(start, stop), entry.size);
      if (inflated > entry.size) throw new LimitFailure("unpacked");
      if (inflated !== entry.size) throw broken();
    } else {
      throw broken();
    }
    entry.start = start;
    entry.stop = stop;
    expected = stop;
    if (localFlags & 0x08) {
      // The data descriptor after the data: 12 bytes, or 16 with its signature.
      expected += stop + 4 <= buffer.byteLength && u32(stop) === DATA_DESCRIPTOR ? 16 : 12;
    }
    entry.end = expected;
  }
  if (expected > directoryOffset) throw broken();
  return entries;
}

/** Inflates and counts without keeping the output; stops once past `declared`. */
function inflatedSize(data, declared) {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on("data", (chunk) => {
      size += chunk.byteLength;
      if (size > declared) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => reject(new FileFailure(XLSX_UNREADABLE)));
    inflate.end(data);
  });
}

function concat(parts) {
  const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
