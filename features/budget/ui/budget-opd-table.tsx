import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { OpdBudgetRow } from "@/features/budget/by-opd";
import { formatNumber, formatPercent, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { AbsorptionBar } from "./absorption-bar";

/** The city's budget per OPD; each OPD's name opens its budget lines (`hrefOf`). */
export async function BudgetOpdTable({ rows, label, hrefOf }: { rows: readonly OpdBudgetRow[]; label: string; hrefOf: (opdId: string) => string }) {
  const [t, locale] = await Promise.all([getTranslations("Budget"), getLocale() as Promise<AppLocale>]);
  const decimal = { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return (
    <Table label={label}>
      <TableHead>
        <tr>
          <HeaderCell>{t("columns.opd")}</HeaderCell>
          <HeaderCell numeric>{t("columns.pagu")}</HeaderCell>
          <HeaderCell numeric>{t("columns.realised")}</HeaderCell>
          <HeaderCell className="w-36">{t("columns.absorption")}</HeaderCell>
          <HeaderCell numeric className="whitespace-nowrap">
            {t("columns.gap")}
          </HeaderCell>
          <HeaderCell numeric>{t("columns.behind")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const { absorption, expected, gap, pagu, realised } = row.absorption;
          return (
            <Row key={row.id}>
              <RowHeaderCell className="min-w-48">
                <Link href={hrefOf(row.id)} className="text-brand-800 underline-offset-2 hover:underline">
                  {row.shortName}
                </Link>
                <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs font-normal text-muted">
                  {t("opds.lines", { count: row.lines })}
                  {row.pendingCount > 0 ? <Badge>{t("opds.pending", { count: row.pendingCount })}</Badge> : null}
                </span>
              </RowHeaderCell>
              <Cell numeric>{formatRupiah(pagu, { locale })}</Cell>
              <Cell numeric>{formatRupiah(realised, { locale })}</Cell>
              <Cell>
                <span className="block text-right tabular-nums">{formatPercent(absorption, decimal)}</span>
                <AbsorptionBar absorption={absorption} expected={pagu > 0n ? expected : null} className="mt-1" />
              </Cell>
              <Cell numeric className={gap !== null && gap < 0 ? "text-accent-700" : undefined}>
                {gap === null ? "–" : t("points", { value: `${gap > 0 ? "+" : gap < 0 ? "−" : ""}${formatNumber(Math.abs(gap), decimal)}` })}
              </Cell>
              <Cell numeric className={row.linesBehind > 0 ? "text-accent-700" : undefined}>
                {formatNumber(row.linesBehind, { locale })}
              </Cell>
            </Row>
          );
        })}
      </TableBody>
    </Table>
  );
}
