import type { ReactNode } from "react";

/**
 * A document's table (a report, an agreement's schedule) on a screen scrolls sideways within
 * its sheet, so a phone's page stays its width; on paper it is the sheet's width.
 */
export function SheetTableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      className="relative overflow-x-auto contain-inline-size print:overflow-visible print:contain-none"
    >
      {children}
    </div>
  );
}
