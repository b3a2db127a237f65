import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { absorptionOf } from "@/features/budget/absorption";
import type { YearMonth } from "@/lib/calendar/months";
import type { BudgetOverviewRow } from "@/features/budget/queries";
import { formatNumber, formatPercent, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { AbsorptionBar } from "./absorption-bar";
import { budgetRoutes } from "@/features/budget/routes";

/** Every budget line of the year: pagu, verified spending, absorption, gap to the calendar, drafts. */
export async function BudgetOverviewTable({
  rows,
  tenantSlug,
  showOpd,
  label,
  today,
}: {
  rows: readonly BudgetOverviewRow[];
  tenantSlug: string;
  showOpd: boolean;
  label: string;
  today: YearMonth;
}) {
  const [t, tp, locale] = await Promise.all([getTranslations("Budget"), getTranslations("Programmes"), getLocale() as Promise<AppLocale>]);
  return (
    <Table label={label}>
      <TableHead>
        <tr>
          <HeaderCell>{t("columns.line")}</HeaderCell>
          {showOpd ? <HeaderCell>{t("columns.opd")}</HeaderCell> : null}
          <HeaderCell numeric>{t("columns.pagu")}</HeaderCell>
          <HeaderCell numeric>{t("columns.realised")}</HeaderCell>
          <HeaderCell className="w-36">{t("columns.absorption")}</HeaderCell>
          <HeaderCell numeric className="whitespace-nowrap">
            {t("columns.gap")}
          </HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const absorption = absorptionOf(row.pagu, row.realised, row.programme.fiscalYear, today);
          const gap = absorption.gap;
          return (
            <Row key={row.id}>
              <RowHeaderCell className="min-w-72">
                <Link href={budgetRoutes.line(tenantSlug, row.id)} className="text-brand-800 underline-offset-2 hover:underline">
                  {row.programme.name}
                </Link>
                <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs font-normal text-muted">
                  {tp(`sources.${row.fundingSource}`)}
                  {row.partnerName ? ` (${row.partnerName})` : ""} · {row.description}
                  {row.accountCode ? <span className="font-mono">{row.accountCode}</span> : null}
                  {row.pendingCount > 0 ? <Badge>{tp("pendingBadge", { count: row.pendingCount })}</Badge> : null}
                </span>
              </RowHeaderCell>
              {showOpd ? <Cell>{row.programme.opd.shortName}</Cell> : null}
              <Cell numeric>{formatRupiah(row.pagu, { locale })}</Cell>
              <Cell numeric>{formatRupiah(row.realised, { locale })}</Cell>
              <Cell>
                <span className="block text-right tabular-nums">
                  {formatPercent(absorption.absorption, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 })}
                </span>
                <AbsorptionBar absorption={absorption.absorption} expected={absorption.expected} className="mt-1" />
              </Cell>
              <Cell numeric className={gap !== null && gap < 0 ? "text-accent-700" : undefined}>
                {gap === null
                  ? "–"
                  : t("points", {
                      value: `${gap > 0 ? "+" : gap < 0 ? "−" : ""}${formatNumber(Math.abs(gap), { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
                    })}
              </Cell>
            </Row>
          );
        })}
      </TableBody>
    </Table>
  );
}
