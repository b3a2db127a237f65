"use client";

import { Button } from "@/components/ui/button";

/**
 * Opens the browser's print dialog; the page's print stylesheet decides what is on paper
 * (a dashboard's one-page summary, a letter). The button itself never is.
 */
export function PrintButton({ label, variant = "secondary" }: { label: string; variant?: "primary" | "secondary" }) {
  return (
    <Button variant={variant} className="print:hidden" onClick={() => window.print()}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 9V3h12v6M6 18H4a1 1 0 0 1-1-1v-6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a1 1 0 0 1-1 1h-2M6 14h12v7H6z" />
      </svg>
      {label}
    </Button>
  );
}
