import { getLocale, getTranslations } from "next-intl/server";
import { cx } from "@/components/ui/class-names";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { monthName } from "@/lib/calendar/months";
import type { MonthRow } from "@/features/budget/queries";
import { formatPercent, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { percentOf } from "@/lib/money";

/**
 * The twelve months of a line: verified spending, running total and its share of the pagu
 * next to the share of the year over by the month's end; months to come are greyed.
 */
export async function MonthTable({ rows, pagu, monthsElapsed, label }: { rows: readonly MonthRow[]; pagu: bigint; monthsElapsed: number; label: string }) {
  const [t, locale] = await Promise.all([getTranslations("Budget.monthColumns"), getLocale() as Promise<AppLocale>]);
  const percent = (value: number | null) => formatPercent(value, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  let cumulative = 0n;
  return (
    <Table label={label}>
      <TableHead>
        <tr>
          <HeaderCell>{t("month")}</HeaderCell>
          <HeaderCell numeric>{t("realised")}</HeaderCell>
          <HeaderCell numeric>{t("cumulative")}</HeaderCell>
          <HeaderCell numeric>{t("cumulativePct")}</HeaderCell>
          <HeaderCell numeric>{t("calendarPct")}</HeaderCell>
          <HeaderCell numeric>{t("pending")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          cumulative += row.realised;
          const share = percentOf(cumulative, pagu);
          const calendar = percentOf(BigInt(row.month), 12n);
          const future = row.month > monthsElapsed;
          return (
            <tr key={row.month} className={cx("bg-white", future && "text-muted")}>
              <RowHeaderCell className={cx("py-1.5", future && "font-normal text-muted")}>{monthName(row.month, locale)}</RowHeaderCell>
              <Cell numeric className="py-1.5">
                {row.realised === 0n ? "–" : formatRupiah(row.realised, { locale })}
              </Cell>
              <Cell numeric className="py-1.5">
                {formatRupiah(cumulative, { locale })}
              </Cell>
              <Cell numeric className={cx("py-1.5", !future && share !== null && calendar !== null && share < calendar && "text-accent-700")}>
                {percent(share)}
              </Cell>
              <Cell numeric className="py-1.5">
                {percent(calendar)}
              </Cell>
              <Cell numeric className="py-1.5">
                {row.pendingCount > 0 ? formatRupiah(row.pendingAmount, { locale }) : "–"}
              </Cell>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
