import type { ReactNode } from "react";
import { cx } from "./class-names";

/**
 * A table that scrolls sideways on narrow screens. The scroll area is focusable and named so
 * keyboard users can scroll it too. Its cells are styled by `.data-table` in app/globals.css,
 * not by classes on each cell: a city's tables have thousands of cells, and every class on a
 * cell is sent twice (the HTML and the React payload). A utility on one cell still wins.
 * The scroll area takes its width from where it stands, never from its table
 * (`contain-inline-size`): a wide table in a grid column or a flex row would otherwise widen
 * the column, and the page, past a phone's screen.
 */
export function Table({ label, id, children }: { label: string; id?: string; children: ReactNode }) {
  return (
    <div id={id} role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto contain-inline-size">
      <table className="data-table w-full border-collapse text-sm">{children}</table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return <thead className="bg-brand-50 text-left text-brand-900 [&_tr]:bg-brand-50">{children}</thead>;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-line">{children}</tbody>;
}

export function TableFoot({ children }: { children: ReactNode }) {
  return <tfoot className="border-t-2 border-brand-200 font-semibold [&_tr]:bg-paper">{children}</tfoot>;
}

export function Row({ children }: { children: ReactNode }) {
  return <tr>{children}</tr>;
}

type CellProps = { children: ReactNode; numeric?: boolean; className?: string };

export function HeaderCell({ children, numeric, className }: CellProps) {
  return (
    <th scope="col" className={cx(numeric && "text-right", className) || undefined}>
      {children}
    </th>
  );
}

/** A row's label cell (the first column), announced as the row header. */
export function RowHeaderCell({ children, className }: Omit<CellProps, "numeric">) {
  return (
    <th scope="row" className={className}>
      {children}
    </th>
  );
}

/** A figure cell (`numeric`) is right-aligned in tabular digits and never wraps. */
export function Cell({ children, numeric, className }: CellProps) {
  return <td className={cx(numeric && "num", className) || undefined}>{children}</td>;
}
