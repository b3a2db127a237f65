import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AbsorptionBar } from "@/features/budget/ui/absorption-bar";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatPercent, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { percentOf } from "@/lib/money";
import type { ProgrammeListRow } from "@/features/programmes/queries";
import { programmesRoutes } from "@/features/programmes/routes";

/** The year's programmes: kind, targets, pagu, verified spending, absorption, pending drafts. */
export async function ProgrammeTable({
  rows,
  tenantSlug,
  showOpd,
  label,
  expected,
}: {
  rows: readonly ProgrammeListRow[];
  tenantSlug: string;
  showOpd: boolean;
  label: string;
  /** The calendar's expected absorption, for the tick on each bar. */
  expected: number;
}) {
  const [t, locale] = await Promise.all([getTranslations("Programmes"), getLocale() as Promise<AppLocale>]);
  return (
    <Table label={label}>
      <TableHead>
        <tr>
          <HeaderCell>{t("columns.name")}</HeaderCell>
          {showOpd ? <HeaderCell>{t("columns.opd")}</HeaderCell> : null}
          <HeaderCell>{t("columns.target")}</HeaderCell>
          <HeaderCell numeric>{t("columns.pagu")}</HeaderCell>
          <HeaderCell numeric>{t("columns.realised")}</HeaderCell>
          <HeaderCell className="w-40">{t("columns.absorption")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const absorption = percentOf(row.totals.realised, row.totals.pagu);
          return (
            <Row key={row.id}>
              <RowHeaderCell className="min-w-64">
                <Link href={programmesRoutes.detail(tenantSlug, row.id)} className="text-brand-800 underline-offset-2 hover:underline">
                  {row.name}
                </Link>
                {row.sipdCode ? <span className="block font-mono text-xs font-normal text-muted">{row.sipdCode}</span> : null}
                <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs font-normal text-muted">
                  {t(`kinds.${row.kind}`)}
                  {row.totals.pendingCount > 0 ? <Badge>{t("pendingBadge", { count: row.totals.pendingCount })}</Badge> : null}
                </span>
              </RowHeaderCell>
              {showOpd ? <Cell>{row.opd.shortName}</Cell> : null}
              <Cell className="whitespace-nowrap">
                {t("target", { count: row.targetCount, unit: row.targetUnit })}
                <span className="block text-xs text-muted">{t("targetExtreme", { count: row.targetExtremeCount })}</span>
              </Cell>
              <Cell numeric>{row.totals.pagu > 0n ? formatRupiah(row.totals.pagu, { locale }) : <span className="text-muted">{t("noPagu")}</span>}</Cell>
              <Cell numeric>{formatRupiah(row.totals.realised, { locale })}</Cell>
              <Cell>
                <span className="block text-right tabular-nums">
                  {formatPercent(absorption, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 })}
                </span>
                <AbsorptionBar absorption={absorption} expected={row.totals.pagu > 0n ? expected : null} className="mt-1" />
              </Cell>
            </Row>
          );
        })}
      </TableBody>
    </Table>
  );
}
