// Every inline <style> element the app renders, in one place: the Content-Security-Policy
// admits each by its hash (security-headers.ts), so it applies on a client-side navigation
// too, where a per-request nonce would not match the document's. Rules that belong to one
// page and cannot be scoped to an element live here; everything else is in app/globals.css.

/** A dashboard prints on one A4 landscape page: an @page rule cannot be scoped to an element. */
export const DASHBOARD_PRINT_CSS = "@media print { @page { size: A4 landscape; margin: 8mm; } }";

/** A printable letter (agreement, receipt): on paper only the document shows. */
export const DOCUMENT_PRINT_CSS = `@media print {
  @page { size: A4; margin: 18mm; }
  body * { visibility: hidden; }
  .print-document, .print-document * { visibility: visible; }
  .print-document { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0 !important; box-shadow: none !important; padding: 0 !important; }
  .print-document .no-print { display: none; }
}`;

export const INLINE_STYLES = [DASHBOARD_PRINT_CSS, DOCUMENT_PRINT_CSS] as const;
