import type { ReactNode } from "react";

/**
 * The frame of a dashboard page: marks it for the print stylesheet (app/globals.css:
 * A4 landscape, no site chrome) and spaces its panels.
 */
export function DashboardPage({ children }: { children: ReactNode }) {
  return (
    <div data-dashboard className="space-y-6 print:space-y-3">
      {children}
    </div>
  );
}

/** Panels two abreast on a wide screen and on paper, one under the other on a phone. */
export function DashboardGrid({ children }: { children: ReactNode }) {
  return <div className="grid gap-6 xl:grid-cols-2 print:grid-cols-2 print:gap-3">{children}</div>;
}
