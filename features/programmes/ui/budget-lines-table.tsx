import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AbsorptionBar } from "@/features/budget/ui/absorption-bar";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableFoot, TableHead } from "@/components/ui/table";
import { formatPercent, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { percentOf } from "@/lib/money";
import type { BudgetLineRow, Totals } from "@/features/programmes/queries";
import { budgetRoutes } from "@/features/budget/routes";
import { programmesRoutes } from "@/features/programmes/routes";

/** A programme's budget lines with pagu, verified spending and absorption; links to each line's entries. */
export async function BudgetLinesTable({
  lines,
  totals,
  tenantSlug,
  programmeId,
  canEdit,
  expected,
}: {
  lines: readonly BudgetLineRow[];
  totals: Totals;
  tenantSlug: string;
  programmeId: string;
  canEdit: boolean;
  expected: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("Programmes"), getLocale() as Promise<AppLocale>]);
  const percent = (value: number | null) => formatPercent(value, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <Table label={t("detail.lines")}>
      <TableHead>
        <tr>
          <HeaderCell>{t("lineColumns.description")}</HeaderCell>
          <HeaderCell>{t("lineColumns.source")}</HeaderCell>
          <HeaderCell numeric>{t("lineColumns.pagu")}</HeaderCell>
          <HeaderCell numeric>{t("lineColumns.realised")}</HeaderCell>
          <HeaderCell className="w-36">{t("lineColumns.absorption")}</HeaderCell>
          <HeaderCell>
            <span className="sr-only">{t("lineColumns.actions")}</span>
          </HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {lines.map((line) => {
          const absorption = percentOf(line.realised, line.pagu);
          return (
            <Row key={line.id}>
              <RowHeaderCell className="min-w-56">
                <Link
                  href={budgetRoutes.line(tenantSlug, line.id)}
                  aria-label={t("detail.entriesLabel", { description: line.description })}
                  className="text-brand-800 underline-offset-2 hover:underline"
                >
                  {line.description}
                </Link>
                {line.accountCode ? <span className="block font-mono text-xs font-normal text-muted">{line.accountCode}</span> : null}
                {line.pendingCount > 0 ? (
                  <span className="mt-0.5 block">
                    <Badge>{t("pendingBadge", { count: line.pendingCount })}</Badge>
                  </span>
                ) : null}
              </RowHeaderCell>
              <Cell>
                {t(`sources.${line.fundingSource}`)}
                {line.partnerName ? <span className="block text-xs text-muted">{line.partnerName}</span> : null}
                <span className="block text-xs text-muted">{t(`aidModesShort.${line.aidMode}`)}</span>
              </Cell>
              <Cell numeric>{formatRupiah(line.pagu, { locale })}</Cell>
              <Cell numeric>{formatRupiah(line.realised, { locale })}</Cell>
              <Cell>
                <span className="block text-right tabular-nums">{percent(absorption)}</span>
                <AbsorptionBar absorption={absorption} expected={expected} className="mt-1" />
              </Cell>
              <Cell className="text-right">
                {canEdit ? (
                  <Link
                    href={programmesRoutes.budgetLine(tenantSlug, programmeId, line.id)}
                    aria-label={t("detail.editLineLabel", { description: line.description })}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {t("detail.editLine")}
                  </Link>
                ) : null}
              </Cell>
            </Row>
          );
        })}
      </TableBody>
      {lines.length > 1 ? (
        <TableFoot>
          <tr>
            <th scope="row" className="px-4 py-2.5 text-left" colSpan={2}>
              {t("detail.total")}
            </th>
            <Cell numeric>{formatRupiah(totals.pagu, { locale })}</Cell>
            <Cell numeric>{formatRupiah(totals.realised, { locale })}</Cell>
            <Cell>
              <span className="block text-right tabular-nums">{percent(percentOf(totals.realised, totals.pagu))}</span>
            </Cell>
            <Cell>{null}</Cell>
          </tr>
        </TableFoot>
      ) : null}
    </Table>
  );
}
