import { formatDateShort, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { PendingEntry } from "@/features/budget/queries";
import { monthName } from "@/lib/calendar/months";
import type { PendingRow } from "./pending-entries";
import { budgetRoutes } from "@/features/budget/routes";
import { isReversal } from "@/lib/entries/rules";

/** Drafts as the pending list shows them, formatted on the server. */
export function pendingRows(
  entries: readonly PendingEntry[],
  options: {
    tenantSlug: string;
    locale: AppLocale;
    timeZone: string;
    names: Map<string, string>;
    showOpd: boolean;
    sourceLabel: (source: PendingEntry["budgetLine"]["fundingSource"]) => string;
    byAt: (name: string, date: string) => string;
  },
): PendingRow[] {
  const { locale } = options;
  return entries.map((entry) => ({
    id: entry.id,
    month: monthName(entry.month, locale),
    amount: formatRupiah(entry.amount, { locale }),
    isReversal: isReversal(entry),
    programme: entry.budgetLine.programme.name,
    line: `${options.sourceLabel(entry.budgetLine.fundingSource)} · ${entry.budgetLine.description}`,
    href: budgetRoutes.line(options.tenantSlug, entry.budgetLine.id),
    opd: options.showOpd ? entry.budgetLine.programme.opd.shortName : null,
    referenceNo: entry.referenceNo,
    note: entry.note,
    returnNote: entry.returnNote,
    entered: enteredBy(entry, options),
  }));
}

function enteredBy(
  entry: PendingEntry,
  options: { locale: AppLocale; timeZone: string; names: Map<string, string>; byAt: (name: string, date: string) => string },
): string {
  const date = formatDateShort(entry.createdAt, { locale: options.locale, timeZone: options.timeZone });
  const name = entry.createdById ? options.names.get(entry.createdById) : undefined;
  // Imported or seeded entries have no author: the date alone.
  return name ? options.byAt(name, date) : date;
}
