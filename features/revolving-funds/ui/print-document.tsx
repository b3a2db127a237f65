import type { ReactNode } from "react";
import { PrintButton } from "@/components/ui/print-button";
import { cspNonce } from "@/lib/http/nonce";

// On paper only the document shows: the app's bar, the buttons and the links do not.
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 18mm; }
  body * { visibility: hidden; }
  .print-document, .print-document * { visibility: visible; }
  .print-document { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0 !important; box-shadow: none !important; padding: 0 !important; }
  .print-document .no-print { display: none; }
}`;

/** A printable letter (agreement, receipt) on a white sheet, with a print button above it. */
export async function PrintDocument({ printLabel, back, children }: { printLabel: string; back: ReactNode; children: ReactNode }) {
  return (
    <>
      <style nonce={await cspNonce()}>{PRINT_CSS}</style>
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
