import type { ReactNode } from "react";
import { PrintButton } from "@/components/ui/print-button";
import { DOCUMENT_PRINT_CSS } from "@/lib/http/inline-styles";

/** A printable letter (agreement, receipt) on a white sheet, with a print button above it. */
export function PrintDocument({ printLabel, back, children }: { printLabel: string; back: ReactNode; children: ReactNode }) {
  return (
    <>
      <style>{DOCUMENT_PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <PrintButton label={printLabel} variant="primary" />
        {back}
      </div>
      <article className="print-document mx-auto max-w-3xl rounded-lg border border-line bg-white p-6 font-serif text-[15px] leading-relaxed text-ink shadow-xs sm:p-10">
        {children}
      </article>
    </>
  );
}
