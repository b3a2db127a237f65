import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { FormAction } from "@/components/ui/use-action-form";
import { EMPTY_VALUE, formatNumber, formatPercent, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { StatisticRow, TargetRow } from "@/features/statistics/queries";

/** The recorded years with an edit link and a delete button each (Bapeda only). */
export async function StatisticEntries({
  rows,
  cityName,
  editHref,
  deleteAction,
}: {
  rows: StatisticRow[];
  cityName: string;
  editHref: (id: string) => string;
  deleteAction: FormAction<{ statisticId: string }>;
}) {
  const [t, locale] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<AppLocale>]);
  if (rows.length === 0) return null;
  return (
    <Table label={t("form.title")}>
      <TableHead>
        <tr>
          <HeaderCell>{t("columns.year")}</HeaderCell>
          <HeaderCell>{t("columns.area")}</HeaderCell>
          <HeaderCell numeric>{t("columns.povertyRatePct")}</HeaderCell>
          <HeaderCell numeric>{t("columns.extremeRatePct")}</HeaderCell>
          <HeaderCell numeric>{t("columns.povertyLineRupiah")}</HeaderCell>
          <HeaderCell>{t("columns.actions")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const area = row.areaName ?? cityName;
          return (
            <Row key={row.id}>
              <RowHeaderCell>{row.year}</RowHeaderCell>
              <Cell>{area}</Cell>
              <Cell numeric>{formatPercent(row.povertyRatePct, { locale })}</Cell>
              <Cell numeric>{formatPercent(row.extremeRatePct, { locale })}</Cell>
              <Cell numeric>{row.povertyLineRupiah === null ? EMPTY_VALUE : formatRupiah(row.povertyLineRupiah, { locale })}</Cell>
              <Cell className="flex flex-wrap items-center gap-2">
                <Link
                  href={editHref(row.id)}
                  aria-label={t("form.editLabel", { area, year: row.year })}
                  className="text-sm font-medium text-brand-700 underline underline-offset-2"
                >
                  {t("form.edit")}
                </Link>
                <ActionButton
                  action={deleteAction}
                  fields={{ statisticId: row.id }}
                  variant="dangerLink"
                  label={t("form.deleteLabel", { area, year: row.year })}
                  confirm={t("form.deleteConfirm", { area, year: row.year })}
                >
                  {t("form.delete")}
                </ActionButton>
              </Cell>
            </Row>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The targets with a delete button each (Bapeda only). */
export async function TargetEntries({
  targets,
  cityName,
  editHref,
  deleteAction,
}: {
  targets: TargetRow[];
  cityName: string;
  editHref: (id: string) => string;
  deleteAction: FormAction<{ targetId: string }>;
}) {
  const [t, locale] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<AppLocale>]);
  if (targets.length === 0) return null;
  return (
    <Table label={t("targetForm.title")}>
      <TableHead>
        <tr>
          <HeaderCell>{t("columns.indicator")}</HeaderCell>
          <HeaderCell>{t("columns.area")}</HeaderCell>
          <HeaderCell>{t("columns.year")}</HeaderCell>
          <HeaderCell numeric>{t("columns.value")}</HeaderCell>
          <HeaderCell>{t("columns.actions")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {targets.map((target) => {
          const indicator = t(`indicators.${target.indicator as "POVERTY_RATE"}`);
          return (
            <Row key={target.id}>
              <RowHeaderCell>{indicator}</RowHeaderCell>
              <Cell>{target.areaName ?? cityName}</Cell>
              <Cell>{target.year}</Cell>
              <Cell numeric>{formatNumber(target.value, { locale, maximumFractionDigits: 2 })}</Cell>
              <Cell className="flex flex-wrap items-center gap-2">
                <Link
                  href={editHref(target.id)}
                  aria-label={t("targetForm.editLabel", { indicator, year: target.year })}
                  className="text-sm font-medium text-brand-700 underline underline-offset-2"
                >
                  {t("form.edit")}
                </Link>
                <ActionButton
                  action={deleteAction}
                  fields={{ targetId: target.id }}
                  variant="dangerLink"
                  label={t("targetForm.deleteLabel", { indicator, year: target.year })}
                  confirm={t("targetForm.deleteConfirm", { indicator, year: target.year })}
                >
                  {t("targetForm.delete")}
                </ActionButton>
              </Cell>
            </Row>
          );
        })}
      </TableBody>
    </Table>
  );
}
