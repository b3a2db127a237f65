import type { ReactNode } from "react";
import { cx } from "./class-names";

/**
 * A table that scrolls sideways on narrow screens. The scroll area is focusable and named so
 * keyboard users can scroll it too.
 */
export function Table({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">{children}</table>
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
  return <tr className="bg-white hover:bg-brand-50">{children}</tr>;
}

type CellProps = { children: ReactNode; numeric?: boolean; className?: string };

// The first column stays in view while a narrow screen scrolls the figures sideways.
const stickyFirst = "first:sticky first:left-0 first:z-10 first:bg-inherit";

export function HeaderCell({ children, numeric, className }: CellProps) {
  return (
    <th scope="col" className={cx("px-4 py-2.5 align-bottom font-semibold", stickyFirst, numeric && "text-right", className)}>
      {children}
    </th>
  );
}

/** A row's label cell (the first column), announced as the row header. */
export function RowHeaderCell({ children, className }: Omit<CellProps, "numeric">) {
  return (
    <th scope="row" className={cx("px-4 py-2.5 text-left font-medium text-ink", stickyFirst, className)}>
      {children}
    </th>
  );
}

export function Cell({ children, numeric, className }: CellProps) {
  return (
    <td className={cx("px-4 py-2.5", numeric && "text-right tabular-nums whitespace-nowrap", className)}>{children}</td>
  );
}
