// The first worksheet of an .xlsx, row by row, read straight from its XML (the parse thread's
// reader; parse-engine.mjs checks the zip and the limits first). A 100,000-household extract is
// 300,000 rows of 18 cells: exceljs's streaming reader, a SAX parser building an object per
// tag, an event per text node and a cell model per cell, took about 20 s of CPU for it; this
// reads the few tags a worksheet's values are made of and takes a few seconds.
//
// It hands over what exceljs's streaming reader handed over, cell for cell, as parse-engine's
// toCell took it: shared and inline strings, numbers, booleans, error values, formulas with the
// value stored with them, and numbers in a date format as dates (the workbook's 1904 date system
// included). Plain JavaScript with no imports from the app, like the rest of the parse thread.
import { StringDecoder } from "node:string_decoder";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/** Excel's built-in number formats that show a date or time (exceljs's defaultnumformats). */
const BUILT_IN_FORMATS = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** Whether a number format shows a date: a date or time letter outside brackets and quotes. */
export function isDateFormat(format) {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its entities read. */
export function xmlText(text) {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, name, decimal, hex) => {
    if (name) return NAMED[name];
    const code = decimal ? Number(decimal) : Number.parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The value of attribute `name` in a tag's text (`<c r="A1" t="s">`), or undefined. */
function attribute(tag, name) {
  const at = tag.indexOf(` ${name}="`);
  if (at === -1) return undefined;
  const start = at + name.length + 3;
  const end = tag.indexOf('"', start);
  return end === -1 ? undefined : tag.slice(start, end);
}

/** The text of every `<t>` of a string item (`<si>`, `<is>`), runs joined; phonetic guides (`<rPh>`) left out. */
function stringItemText(xml) {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let match = t.exec(plain); match; match = t.exec(plain)) text += match[1] ?? "";
  return xmlText(text);
}

/** "AB12" → 28. */
function columnOf(reference) {
  let column = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

function inflateEntry(buffer, entry) {
  const data = buffer.subarray(entry.start, entry.stop);
  return entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
}

const entryText = (buffer, entry) => (entry ? inflateEntry(buffer, entry).toString("utf8") : "");

/** Shared strings in order; an empty one is null, as exceljs gave it. */
function readSharedStrings(xml) {
  const strings = [];
  const si = /<si(?:\s[^>]*)?>([\s\S]*?)<\/si>|<si(?:\s[^>]*)?\/>/g;
  for (let match = si.exec(xml); match; match = si.exec(xml)) {
    const text = match[1] === undefined ? "" : stringItemText(match[1]);
    strings.push(text === "" ? null : text);
  }
  return strings;
}

/** For each cell style (`<cellXfs>`), whether its number format shows a date. */
function readDateStyles(xml) {
  const formats = { ...BUILT_IN_FORMATS };
  const numFmt = /<numFmt\s[^>]*>/g;
  for (let match = numFmt.exec(xml); match; match = numFmt.exec(xml)) {
    const id = attribute(match[0], "numFmtId");
    const code = attribute(match[0], "formatCode");
    if (id !== undefined && code !== undefined) formats[Number(id)] = xmlText(code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  const dateStyles = [];
  if (cellXfs) {
    const xf = /<xf\b[^>]*>/g;
    for (let match = xf.exec(cellXfs[1]); match; match = xf.exec(cellXfs[1])) {
      const id = Number(attribute(match[0], "numFmtId") ?? 0);
      dateStyles.push(id !== 0 && isDateFormat(formats[id]));
    }
  }
  return dateStyles;
}

/** Days since Excel's epoch as a date (exceljs's excelToDate). */
function excelDate(serial, date1904) {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * The rows of the first worksheet (in zip order, as exceljs met them): `{ rowNumber, values }`,
 * `values` sparse and 1-based like exceljs's `row.values`, holding exceljs's cell values.
 * Calls onNoSheet when there is none, onTooLarge(limit, row) for shared strings the heap cannot
 * hold or a row past any limit's length (both throw); bad XML reads as whatever its tags say.
 */
export async function* worksheetRows(buffer, entries, limits, { onNoSheet, onTooLarge }) {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const sheet = [...entries].sort((a, b) => a.offset - b.offset).find((entry) => /xl\/worksheets\/sheet\d+[.]xml/.test(entry.name));
  if (!sheet) {
    onNoSheet();
    return;
  }
  // The shared strings are held whole, as text and then as strings: refused up front when that
  // would not fit in the thread's heap. Running out of it inside a regular expression or a
  // string conversion ends the whole process, not only the thread (V8 cannot stop a built-in
  // half-way), so the thread must not count on dying alone.
  const strings = byName.get("xl/sharedStrings.xml");
  if (strings && strings.size * 4 > limits.maxHeapMb * 1024 * 1024) onTooLarge("memory");
  const workbook = entryText(buffer, byName.get("xl/workbook.xml"));
  const workbookPr = /<workbookPr\b[^>]*>/.exec(workbook);
  const date1904Value = workbookPr ? attribute(workbookPr[0], "date1904") : undefined;
  const date1904 = date1904Value === "1" || date1904Value === "true";
  const sharedStrings = readSharedStrings(entryText(buffer, byName.get("xl/sharedStrings.xml")));
  const dateStyles = readDateStyles(entryText(buffer, byName.get("xl/styles.xml")));

  let previousRow = 0;
  // A row's XML is held whole while it is read: one far longer than its cells may be holds a
  // cell past the limit.
  const maxRowChars = Math.max(1024 * 1024, limits.maxColumns * limits.maxCellChars * 8);
  for await (const rowXml of rowElements(buffer, sheet, maxRowChars, () => onTooLarge("cell", previousRow + 1))) {
    const open = rowXml.slice(0, rowXml.indexOf(">") + 1);
    const r = attribute(open, "r");
    const rowNumber = r === undefined ? previousRow + 1 : Number.parseInt(r, 10);
    previousRow = rowNumber;
    const values = [];
    if (!open.endsWith("/>")) {
      let column = 0;
      let at = open.length;
      for (;;) {
        const start = rowXml.indexOf("<c", at);
        if (start === -1) break;
        const next = rowXml.charCodeAt(start + 2);
        // <c> or <c …>, not <cols> or another tag starting with c.
        if (next !== 62 && next !== 32 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
          at = start + 2;
          continue;
        }
        const tagEnd = rowXml.indexOf(">", start);
        if (tagEnd === -1) break;
        const tag = rowXml.slice(start, tagEnd + 1);
        const reference = attribute(tag, "r");
        column = reference === undefined ? column + 1 : columnOf(reference);
        let body = "";
        if (tag.endsWith("/>")) {
          at = tagEnd + 1;
        } else {
          const close = rowXml.indexOf("</c>", tagEnd);
          if (close === -1) break;
          body = rowXml.slice(tagEnd + 1, close);
          at = close + 4;
        }
        const value = cellValue(tag, body, sharedStrings, dateStyles, date1904);
        if (value !== null && value !== undefined) values[column] = value;
      }
    }
    yield { rowNumber, values };
  }
}

/** One cell's value as exceljs's streaming reader set it. */
function cellValue(tag, body, sharedStrings, dateStyles, date1904) {
  if (body === "") return null;
  const type = attribute(tag, "t");
  const style = Number.parseInt(attribute(tag, "s") ?? "", 10);
  const formula = elementText(body, "f");
  let v = elementText(body, "v");
  if (v === undefined && type === "inlineStr") {
    const inline = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(body);
    if (inline) v = stringItemText(inline[1]);
  } else if (v !== undefined) {
    v = xmlText(v);
  }
  if (formula !== undefined) {
    const cell = { formula: xmlText(formula) };
    if (v !== undefined) cell.result = type === "str" ? v : Number.parseFloat(v);
    return cell;
  }
  if (v === undefined) return null;
  switch (type) {
    case "s":
      return sharedStrings[Number.parseInt(v, 10)] ?? null;
    case "inlineStr":
    case "str":
      return v;
    case "e":
      return { error: v };
    case "b":
      return Number.parseInt(v, 10) !== 0;
    default: {
      const number = Number.parseFloat(v);
      return style && dateStyles[style] ? excelDate(number, date1904) : number;
    }
  }
}

/** The text of a cell's child element (`<v>…</v>`, `<f …>…</f>`; "" when empty or self-closed), or undefined. */
function elementText(body, name) {
  const open = body.indexOf(`<${name}`);
  if (open === -1) return undefined;
  const after = body.charCodeAt(open + name.length + 1);
  if (after !== 62 && after !== 32 && after !== 47) return undefined;
  const tagEnd = body.indexOf(">", open);
  if (tagEnd === -1) return undefined;
  if (body[tagEnd - 1] === "/") return "";
  const close = body.indexOf(`</${name}>`, tagEnd);
  return close === -1 ? undefined : body.slice(tagEnd + 1, close);
}

/**
 * Each `<row …>…</row>` (or `<row …/>`) of a worksheet entry as text, inflated as it streams:
 * the worksheet is never held whole, and a row longer than `maxRowChars` is refused (onTooLong). Nothing past the declared size is inflated (inspectZip
 * refused an entry that inflates past it).
 */
async function* rowElements(buffer, entry, maxRowChars, onTooLong) {
  const decoder = new StringDecoder("utf8");
  const data = buffer.subarray(entry.start, entry.stop);
  let pending = "";
  const rows = function* (final) {
    let at = 0;
    for (;;) {
      const start = pending.indexOf("<row", at);
      if (start === -1) {
        at = final ? pending.length : Math.max(at, pending.length - 4);
        break;
      }
      const after = pending.charCodeAt(start + 4);
      if (Number.isNaN(after)) {
        at = start;
        break;
      }
      if (after !== 62 && after !== 32 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        at = start + 4;
        continue;
      }
      const tagEnd = pending.indexOf(">", start);
      if (tagEnd === -1) {
        at = start;
        break;
      }
      if (pending[tagEnd - 1] === "/") {
        yield pending.slice(start, tagEnd + 1);
        at = tagEnd + 1;
        continue;
      }
      const close = pending.indexOf("</row>", tagEnd);
      if (close === -1) {
        at = start;
        break;
      }
      yield pending.slice(start, close + 6);
      at = close + 6;
    }
    pending = pending.slice(at);
    if (pending.length > maxRowChars) onTooLong();
  };
  if (entry.method === 0) {
    pending = decoder.write(data) + decoder.end();
    yield* rows(true);
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(data);
  for await (const chunk of inflate) {
    pending += decoder.write(chunk);
    yield* rows(false);
  }
  pending += decoder.end();
  yield* rows(true);
}
