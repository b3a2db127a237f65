import type { ReactNode } from "react";
import { DASHBOARD_PRINT_CSS } from "@/lib/http/inline-styles";

// An @page rule cannot be scoped to an element, and a named page (`page: …`) does not give
// Chromium the width to lay the print out at: the page size comes with the dashboard itself.
/**
 * The frame of a dashboard page: marks it for the print stylesheet (app/globals.css: one A4
 * landscape page, no site chrome, chart panels three abreast) and spaces its panels.
 */
export function DashboardPage({ children }: { children: ReactNode }) {
  return (
    <div data-dashboard className="space-y-6">
      <style>{DASHBOARD_PRINT_CSS}</style>
      {children}
    </div>
  );
}

/** Panels two abreast on a wide screen, one under the other on a phone; on paper, cells of the page's grid. */
export function DashboardGrid({ children }: { children: ReactNode }) {
  return (
    <div data-dashboard-grid className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      {children}
    </div>
  );
}
