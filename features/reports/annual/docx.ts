// The draft as a Word document (the `docx` library): a cover, then each chapter on a new
// page ("BAB II" and its title), numbered sections, tables with their captions and notes, and
// the secretariat's placeholders highlighted in yellow. A4, Arial, page numbers in the footer.
// Plain paragraphs and Word's own heading styles, so the secretariat restyles it at will.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from "docx";
import { formatDashboardCell } from "@/features/dashboards/ui/data-table";
import { EMPTY_VALUE } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureCell, FigureRow, FigureTable } from "@/lib/spreadsheet/figures";
import { hasSuppressedCells } from "@/lib/spreadsheet/suppression";
import type { Block, ReportDraft } from "./draft";
import type { ReportT } from "./words";

const FONT = "Arial";
/** Half-points: 11 pt for text, 9 pt in tables, 8 pt in tables of eight columns or more. */
const TEXT_SIZE = 22;
const tableSize = (table: FigureTable) => (table.columns.length >= 8 ? 16 : 18);
const NUMBERED = "report-numbered";
const BULLETED = "report-bulleted";
const HEADER_FILL = "D9E2F3";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** What a table cell prints: the screen's format, or a dash. */
function cellText(column: FigureTable["columns"][number], value: FigureCell | undefined, locale: AppLocale): string {
  return formatDashboardCell(column, value, locale);
}

/** The width of the text between the margins: A4 less 30 mm left and 25 mm right. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 25);

/** Each column's width in twips: a row's name widest, other words and Rupiah wider than counts and rates. */
function columnWidths(table: FigureTable): number[] {
  const weights = table.columns.map((column, i) => (i === 0 ? 3 : column.kind === "text" ? 1.6 : column.kind === "rupiah" ? 2.4 : 1.2));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Math.floor((weight / total) * TEXT_WIDTH));
}

function tableRow(table: FigureTable, row: FigureRow, locale: AppLocale, widths: number[], options: { bold?: boolean; header?: boolean } = {}): TableRow {
  return new TableRow({
    tableHeader: options.header,
    cantSplit: true,
    children: table.columns.map(
      (column, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: options.header ? { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } : undefined,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: [
            new Paragraph({
              alignment: column.kind === "text" || options.header ? AlignmentType.LEFT : AlignmentType.RIGHT,
              children: [
                new TextRun({
                  text: options.header ? column.label : cellText(column, row[column.key], locale),
                  bold: options.bold || options.header,
                  size: tableSize(table),
                  font: FONT,
                }),
              ],
            }),
          ],
        }),
    ),
  });
}

function figureTable(table: FigureTable, locale: AppLocale): Table {
  const widths = columnWidths(table);
  const header = tableRow(table, {}, locale, widths, { header: true });
  const rows = table.rows.length > 0 || table.total ? table.rows : [Object.fromEntries(table.columns.map((column) => [column.key, EMPTY_VALUE]))];
  const line = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      header,
      ...rows.map((row) => tableRow(table, row, locale, widths)),
      ...(table.total ? [tableRow(table, table.total, locale, widths, { bold: true })] : []),
    ],
  });
}

const text = (value: string, options: { italics?: boolean; highlight?: boolean; bold?: boolean; size?: number } = {}) =>
  new TextRun({
    text: value,
    font: FONT,
    size: options.size ?? TEXT_SIZE,
    italics: options.italics,
    bold: options.bold,
    highlight: options.highlight ? "yellow" : undefined,
  });

const justified = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 160, line: 300 }, children });

/** Where a block is: its chapter, the chapter's tables so far, the document's lists so far. */
type Place = { chapter: number; tables: number; lists: { count: number } };

function blockChildren(block: Block, place: Place, t: ReportT, locale: AppLocale): FileChild[] {
  switch (block.kind) {
    case "paragraph":
      return [justified([text(block.text)])];
    case "placeholder":
      return [justified([text(block.text, { italics: true, highlight: true })])];
    case "list": {
      // Each numbered list starts again at 1: a numbering instance of its own in the document.
      place.lists.count += 1;
      const numbering = { reference: block.numbered ? NUMBERED : BULLETED, level: 0, instance: place.lists.count };
      return block.items.map(
        (item) => new Paragraph({ numbering, alignment: AlignmentType.JUSTIFIED, spacing: { after: 80, line: 300 }, children: [text(item)] }),
      );
    }
    case "table": {
      place.tables += 1;
      const number = `${place.chapter}.${place.tables}`;
      const notes = [block.note, hasSuppressedCells(block.table) ? t("docx.suppressed") : null].filter((note): note is string => Boolean(note));
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 200, after: 80 },
          children: [text(`${t("docx.table", { number })} `, { bold: true, size: 20 }), text(block.table.title, { size: 20 })],
        }),
        figureTable(block.table, locale),
        ...notes.map(
          (note, i) =>
            new Paragraph({
              spacing: { before: i === 0 ? 60 : 0, after: i === notes.length - 1 ? 200 : 0 },
              children: [text(note, { italics: true, size: 18 })],
            }),
        ),
      ];
    }
  }
}

function coverChildren(draft: ReportDraft): Paragraph[] {
  const [first, ...rest] = draft.cover.lines;
  return [
    new Paragraph({ spacing: { before: 2400 }, alignment: AlignmentType.CENTER, children: [text(first ?? "", { bold: true, size: 28, highlight: true })] }),
    ...rest.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: i === 0 ? 600 : 240 },
          children: [text(line, { bold: true, size: i < 3 ? 32 : 26 })],
        }),
    ),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 2400 }, children: [text(draft.cover.note, { italics: true, size: 20 })] }),
  ];
}

function chapterChildren(draft: ReportDraft, t: ReportT, locale: AppLocale): FileChild[] {
  const lists = { count: 0 };
  return draft.chapters.flatMap((chapter, c) => {
    const number = c + 1;
    const place: Place = { chapter: number, tables: 0, lists };
    const heading = new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: c > 0,
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [
        text(t("docx.chapter", { number: ROMAN[c] ?? String(number) }), { bold: true, size: 26 }),
        new TextRun({ break: 1 }),
        text(chapter.title, { bold: true, size: 26 }),
      ],
    });
    return [
      heading,
      ...chapter.sections.flatMap((section, s) => [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          keepNext: true,
          spacing: { before: 240, after: 120 },
          children: [text(`${number}.${s + 1} ${section.title}`, { bold: true })],
        }),
        ...section.blocks.flatMap((block) => blockChildren(block, place, t, locale)),
      ]),
    ];
  });
}

/** The draft as a .docx file. */
export function annualReportDocx(draft: ReportDraft, t: ReportT, locale: AppLocale): Promise<Buffer> {
  const margin = convertMillimetersToTwip(25);
  const page = {
    size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
    margin: { top: margin, bottom: margin, left: convertMillimetersToTwip(30), right: margin },
  };
  const document = new Document({
    title: draft.title,
    creator: "Entas",
    styles: {
      default: {
        document: { run: { font: FONT, size: TEXT_SIZE } },
        heading1: { run: { font: FONT, size: 26, bold: true, color: "000000" } },
        heading2: { run: { font: FONT, size: TEXT_SIZE, bold: true, color: "000000" } },
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 425 } } },
            },
          ],
        },
        {
          reference: BULLETED,
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 425 } } } },
          ],
        },
      ],
    },
    sections: [
      { properties: { page }, children: coverChildren(draft) },
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [text(`${t("docx.page")} `, { size: 18 }), new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 18 })],
              }),
            ],
          }),
        },
        children: chapterChildren(draft, t, locale),
      },
    ],
  });
  return Packer.toBuffer(document);
}
