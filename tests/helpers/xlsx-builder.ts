// .xlsx files written by hand, part by part, so a test can build what no spreadsheet program
// writes: parts of hundreds of megabytes from a few kilobytes, sizes that lie, a cell at
// column XFD. The parts stream through deflate, so building a bomb never holds it unpacked.
import { once } from "node:events";
import { createDeflateRaw, crc32 } from "node:zlib";

export type ZipPart = {
  name: string;
  /** The part's text, or its pieces as they stream. */
  content: string | (() => Iterable<string>);
  /** A size to declare instead of the real one (a lying zip). */
  declaredSize?: number;
  /** Sizes after the data (general-purpose flag bit 3), as streaming writers do. */
  descriptor?: boolean;
};

const u16 = (value: number) => {
  const out = Buffer.alloc(2);
  out.writeUInt16LE(value);
  return out;
};
const u32 = (value: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value >>> 0);
  return out;
};

async function deflate(content: ZipPart["content"]): Promise<{ data: Buffer; size: number; crc: number }> {
  const stream = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = once(stream, "end");
  let size = 0;
  let crc = 0;
  for (const piece of typeof content === "string" ? [content] : content()) {
    const bytes = Buffer.from(piece, "utf8");
    size += bytes.byteLength;
    crc = crc32(bytes, crc);
    if (!stream.write(bytes)) await once(stream, "drain");
  }
  stream.end();
  await ended;
  return { data: Buffer.concat(out), size, crc };
}

/** A zip of the parts, in the order given. */
export async function zipParts(parts: ZipPart[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = await deflate(part.content);
    const name = Buffer.from(part.name, "utf8");
    const declared = part.declaredSize ?? size;
    const flags = part.descriptor ? 0x08 : 0;
    const sizes = part.descriptor ? [u32(0), u32(0), u32(0)] : [u32(crc), u32(data.byteLength), u32(declared)];
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(8), u16(0), u16(0x21), ...sizes, u16(name.byteLength), u16(0), name]);
    const trailer = part.descriptor ? Buffer.concat([u32(0x08074b50), u32(crc), u32(data.byteLength), u32(declared)]) : Buffer.alloc(0);
    chunks.push(local, data, trailer);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(flags),
        u16(8),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(data.byteLength),
        u32(declared),
        u16(name.byteLength),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    offset += local.byteLength + data.byteLength + trailer.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(directory.byteLength), u32(offset), u16(0)]);
  return Buffer.concat([...chunks, directory, end]);
}

/** Column letters of a 1-based number: 1 → A, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const escapeXml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A row of inline-string cells, from column A. */
export function inlineRow(rowNumber: number, values: readonly string[]): string {
  const cells = values.map((value, i) => `<c r="${columnLetters(i + 1)}${rowNumber}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`);
  return `<row r="${rowNumber}">${cells.join("")}</row>`;
}

/** A row of shared-string cells (indexes into the shared strings), from column A. */
export function sharedRow(rowNumber: number, indexes: readonly number[]): string {
  return `<row r="${rowNumber}">${indexes.map((index, i) => `<c r="${columnLetters(i + 1)}${rowNumber}" t="s"><v>${index}</v></c>`).join("")}</row>`;
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";
const STRINGS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

export type WorkbookSpec = {
  /** The worksheet's rows as XML, streamed. */
  rows: () => Iterable<string>;
  /** The shared strings' <si> elements as XML, streamed; none when absent. */
  sharedStrings?: () => Iterable<string>;
  /** Sizes to declare instead of the real ones, by part name. */
  declaredSizes?: Record<string, number>;
  /** As Excel and LibreOffice lay a file out: the sheet before the shared strings. */
  sheetFirst?: boolean;
  /** Sizes after each part's data, as streaming writers do. */
  descriptors?: boolean;
};

/** A one-sheet .xlsx. */
export async function buildXlsx(spec: WorkbookSpec): Promise<Uint8Array<ArrayBuffer>> {
  const ns = "http://schemas.openxmlformats.org";
  const sheet: ZipPart = {
    name: "xl/worksheets/sheet1.xml",
    content: function* () {
      yield SHEET_HEAD;
      yield* spec.rows();
      yield SHEET_TAIL;
    },
  };
  const strings: ZipPart | null = spec.sharedStrings
    ? {
        name: "xl/sharedStrings.xml",
        content: function* () {
          yield STRINGS_HEAD;
          yield* spec.sharedStrings!();
          yield "</sst>";
        },
      }
    : null;
  const head: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      content: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${strings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : ""}</Types>`,
    },
    {
      name: "_rels/.rels",
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${strings ? `<Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      content: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
  ];
  const body = spec.sheetFirst ? [sheet, ...(strings ? [strings] : [])] : [...(strings ? [strings] : []), sheet];
  const parts = [...head, ...body].map((part) => ({
    ...part,
    declaredSize: spec.declaredSizes?.[part.name],
    descriptor: spec.descriptors,
  }));
  return new Uint8Array(await zipParts(parts));
}
