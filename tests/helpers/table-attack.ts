// The reader who tries to undo small-cell suppression: from a table as shown, every assignment
// of its hidden counts that agrees with the shown cells, the sums that tie rows and columns
// together and the rates shown beside them. A hidden count is safe when more than one value fits.
import type { FigureCell, FigureTable } from "@/lib/spreadsheet/figures";

/** A cell of a table; `row` equal to the number of rows is the totals row. */
export type CellRef = { row: number; key: string };

export type TableKnowledge = {
  sums: { parts: CellRef[]; whole: CellRef }[];
  /** rate = numerator / denominator × scale, where the rate is shown. */
  ratios: { rate: CellRef; numerator: CellRef; denominator: CellRef; scale: number }[];
};

/** What a reader knows of a table's layout: sums within each row, each column's total, rates. */
export function knowledgeOf(
  table: FigureTable,
  spec: {
    rowSums?: { parts: string[]; whole: string }[];
    columnTotals?: string[];
    ratios?: { rate: string; numerator: string; denominator: string; scale: number }[];
  },
): TableKnowledge {
  const rows = table.rows.length + (table.total ? 1 : 0);
  const each = <T>(make: (row: number) => T) => Array.from({ length: rows }, (_, row) => make(row));
  const sums = [
    ...(spec.rowSums ?? []).flatMap((sum) => each((row) => ({ parts: sum.parts.map((key) => ({ row, key })), whole: { row, key: sum.whole } }))),
    ...(table.total ? (spec.columnTotals ?? []) : []).map((key) => ({
      parts: table.rows.map((_, row) => ({ row, key })),
      whole: { row: table.rows.length, key },
    })),
  ];
  const ratios = (spec.ratios ?? []).flatMap((ratio) =>
    each((row) => ({
      rate: { row, key: ratio.rate },
      numerator: { row, key: ratio.numerator },
      denominator: { row, key: ratio.denominator },
      scale: ratio.scale,
    })),
  );
  return { sums, ratios };
}

/** A table read back from a CSV export: its rows and totals row as the file shows them. */
export function tableFromCsv(table: FigureTable, csv: string): FigureTable {
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
  const header = lines.indexOf(table.columns.map((column) => column.label).join(";"));
  const count = table.rows.length + (table.total ? 1 : 0);
  const parsed = lines.slice(header + 1, header + 1 + count).map((line) => {
    const cells = line.split(";");
    return Object.fromEntries(
      table.columns.map((column, i) => {
        const text = cells[i] ?? "";
        const cell: FigureCell = text === "" ? null : column.kind !== "text" && /^-?\d+(,\d+)?$/.test(text) ? Number(text.replace(",", ".")) : text;
        return [column.key, cell];
      }),
    );
  });
  return { ...table, rows: parsed.slice(0, table.rows.length), total: table.total ? parsed[table.rows.length] : undefined };
}

const id = (cell: CellRef) => `${cell.row}/${cell.key}`;

function cellOf(table: FigureTable, cell: CellRef): FigureCell {
  const row = cell.row === table.rows.length ? table.total : table.rows[cell.row];
  return row?.[cell.key] ?? null;
}

/**
 * The hidden counts whose true value is the only one that fits what is shown. A count shown
 * "<5" lies in 1–4 ("<10" in 1–9); any other hidden count is at least the table's `threshold`
 * (zero is never hidden) and, to keep the search finite, at most `cap` (a smaller range can only
 * make the reader's work easier).
 */
export function recoverableCells(original: FigureTable, shown: FigureTable, knowledge: TableKnowledge, cap = 1_000, threshold = 5): CellRef[] {
  const counts = new Map<string, CellRef>();
  for (const sum of knowledge.sums) for (const cell of [...sum.parts, sum.whole]) counts.set(id(cell), cell);
  for (const ratio of knowledge.ratios) for (const cell of [ratio.numerator, ratio.denominator]) counts.set(id(cell), cell);
  const known = new Map<string, number>();
  const domains = new Map<string, number[]>();
  for (const [key, cell] of counts) {
    const value = cellOf(shown, cell);
    const small = typeof value === "string" ? /^<(\d+)$/.exec(value) : null;
    if (typeof value === "number") known.set(key, value);
    else if (small)
      domains.set(
        key,
        Array.from({ length: Number(small[1]) - 1 }, (_, i) => i + 1),
      );
    else if (value !== null)
      domains.set(
        key,
        Array.from({ length: cap - threshold + 1 }, (_, i) => i + threshold),
      );
  }
  const truth = (key: string) => cellOf(original, counts.get(key)!) as number;
  return [...domains.keys()]
    .filter((key) => {
      const others = new Map(domains);
      others.set(
        key,
        domains.get(key)!.filter((value) => value !== truth(key)),
      );
      return !solvable(known, others, shown, knowledge);
    })
    .map((key) => counts.get(key)!);
}

function solvable(fixed: Map<string, number>, domains: Map<string, number[]>, shown: FigureTable, knowledge: TableKnowledge): boolean {
  const values = new Map(fixed);
  // Fill in what the sums and rates force, failing on a contradiction.
  for (let changed = true; changed; ) {
    changed = false;
    for (const sum of knowledge.sums) {
      const members = [...sum.parts.map((cell) => ({ cell, sign: 1 })), { cell: sum.whole, sign: -1 }];
      const open = members.filter((member) => !values.has(id(member.cell)));
      const balance = members.reduce((total, member) => total + member.sign * (values.get(id(member.cell)) ?? 0), 0);
      if (open.length === 0 && balance !== 0) return false;
      if (open.length === 1) {
        const only = open[0]!;
        const forced = -balance * only.sign;
        if (!domains.get(id(only.cell))?.includes(forced)) return false;
        values.set(id(only.cell), forced);
        changed = true;
      }
    }
    for (const ratio of knowledge.ratios) {
      const rate = cellOf(shown, ratio.rate);
      if (typeof rate !== "number") continue;
      // Files round a rate to its column's digits: any value within half a last digit fits.
      const digits = shown.columns.find((column) => column.key === ratio.rate.key)?.digits ?? 1;
      const tolerance = 0.5 * 10 ** -digits + 1e-9 * Math.max(1, rate);
      const numerator = values.get(id(ratio.numerator));
      const denominator = values.get(id(ratio.denominator));
      if (numerator !== undefined && denominator !== undefined) {
        if (denominator === 0 || Math.abs((numerator / denominator) * ratio.scale - rate) > tolerance) return false;
      } else if (numerator === undefined && denominator !== undefined) {
        const low = Math.ceil(((rate - tolerance) * denominator) / ratio.scale);
        const high = Math.floor(((rate + tolerance) * denominator) / ratio.scale);
        const fits = (domains.get(id(ratio.numerator)) ?? []).filter((value) => value >= low && value <= high);
        if (fits.length === 0) return false;
        if (fits.length > 1) continue;
        values.set(id(ratio.numerator), fits[0]!);
        changed = true;
      } else if (numerator !== undefined && denominator === undefined && rate > 0) {
        const fits = (domains.get(id(ratio.denominator)) ?? []).filter((value) => value > 0 && Math.abs((numerator / value) * ratio.scale - rate) <= tolerance);
        if (fits.length === 0) return false;
        if (fits.length > 1) continue;
        values.set(id(ratio.denominator), fits[0]!);
        changed = true;
      }
    }
  }
  const open = [...domains.keys()].filter((key) => !values.has(key));
  if (open.length === 0) return true;
  const next = open.reduce((best, key) => (domains.get(key)!.length < domains.get(best)!.length ? key : best));
  return domains.get(next)!.some((value) => solvable(new Map(values).set(next, value), domains, shown, knowledge));
}
