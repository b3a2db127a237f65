import type { ReactNode } from "react";
import { PrintButton } from "@/components/ui/print-button";
import { DOCUMENT_PRINT_CSS } from "@/lib/http/inline-styles";

/**
 * A printable document on a white sheet, with a print button above it: a letter (agreement,
 * receipt) in serif, or a `wide` report of tables. `printLabel` null: the sheet holds nothing
 * worth printing (a choice to make, an empty list), so no print button.
 */
export function PrintDocument({ printLabel, back, wide, children }: { printLabel: string | null; back: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <>
      <style>{DOCUMENT_PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        {printLabel ? <PrintButton label={printLabel} variant="primary" /> : null}
        {back}
      </div>
      <article
        className={`print-document mx-auto rounded-lg border border-line bg-white p-6 text-ink shadow-xs sm:p-10 ${wide ? "max-w-5xl text-sm" : "max-w-3xl font-serif text-[15px] leading-relaxed"}`}
      >
        {children}
      </article>
    </>
  );
}
