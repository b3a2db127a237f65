"use client";

import Link from "next/link";

/** A row of a figure table as text already formatted for the reader: its name (a link when it has one) and its figures. */
export type FigureRowText = { name: string; href: string | null; cells: string[] };

/**
 * The body rows of a dashboard table, drawn from plain text. A client component on purpose:
 * the page then sends each row once as a short list of strings besides its HTML, where a
 * server-drawn row is sent as the whole element tree of its cells, which made a city's
 * 150-kelurahan tables the bulk of a dashboard's bytes.
 */
export function FigureRows({ rows, numeric }: { rows: FigureRowText[]; numeric: boolean[] }) {
  return rows.map((row, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a dashboard's rows have no id and never reorder on the client
    <tr key={i}>
      <th scope="row">{row.href ? <Link href={row.href}>{row.name}</Link> : row.name}</th>
      {row.cells.map((cell, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the cells are the table's columns, in order
        <td key={j} className={numeric[j] ? "num" : undefined}>
          {cell}
        </td>
      ))}
    </tr>
  ));
}
