// Column specs of a small-table import and the matching of a file's header row to them.
// Headers compare without case, spaces, dots or other punctuation ("No. KK" = "NO KK" =
// "nokk"), against the header and its usual variants.
import { wordsMessage } from "@/lib/errors/words-message";
import { matchKey } from "./cells";

export type ImportColumn<Key extends string = string> = {
  key: Key;
  /** The Indonesian header the template writes and messages name, e.g. "JUMLAH". */
  header: string;
  /** Other spellings found in real files, e.g. ["NILAI", "REALISASI (RP)"]. */
  aliases?: readonly string[];
  required?: boolean;
  /** The template's example value. */
  example: string;
};

/** `message` names its words (wordsMessage): the refusal is said in each reader's language. */
export type HeaderMatch<Key extends string> = { ok: true; indexByKey: Partial<Record<Key, number>>; ignored: string[] } | { ok: false; message: string };

/** Maps a header row to the columns; a missing required or duplicated column rejects the file. */
export function matchHeaders<Key extends string>(columns: readonly ImportColumn<Key>[], headers: readonly string[]): HeaderMatch<Key> {
  const byName = new Map<string, ImportColumn<Key>>();
  for (const column of columns) for (const name of [column.header, ...(column.aliases ?? [])]) byName.set(matchKey(name), column);
  const indexByKey: Partial<Record<Key, number>> = {};
  const ignored: string[] = [];
  for (const [index, header] of headers.entries()) {
    const column = byName.get(matchKey(header));
    if (!column) {
      if (header.trim()) ignored.push(header.trim());
      continue;
    }
    if (indexByKey[column.key] !== undefined) {
      const first = headers[indexByKey[column.key]!]?.trim() ?? "";
      return { ok: false, message: wordsMessage("Spreadsheet.errors.duplicateColumn", { column: column.header, first, second: header.trim() }) };
    }
    indexByKey[column.key] = index;
  }
  const missing = columns.filter((column) => column.required && indexByKey[column.key] === undefined).map((column) => column.header);
  if (missing.length > 0) {
    return { ok: false, message: wordsMessage("Spreadsheet.errors.missingColumns", { columns: missing.join(", ") }) };
  }
  return { ok: true, indexByKey, ignored };
}

/** How many of the columns a row names: the header is the first row naming any required one. */
export function headerScore(columns: readonly ImportColumn[], cells: readonly string[]): number {
  const names = new Set(columns.flatMap((column) => [column.header, ...(column.aliases ?? [])]).map(matchKey));
  return cells.filter((cell) => names.has(matchKey(cell))).length;
}
