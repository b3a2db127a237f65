import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { StatCard } from "@/components/ui/stat-card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableFoot, TableHead } from "@/components/ui/table";
import { formatNumber, formatPercent, formatRupiah, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { FigureCell } from "@/lib/spreadsheet/figures";
import { DashboardDataTable } from "@/features/dashboards/ui/data-table";
import type { PublicCity, PublicFigures } from "../figures";
import { PUBLIC_SMALL_CELL_THRESHOLD, publicKecamatanTable, publicReachedCell } from "../tables";

/** The public page of a city: its year's figures, aggregates only, small counts hidden. */
export async function PublicPageView({ city, figures }: { city: PublicCity; figures: PublicFigures }) {
  const [t, sources, locale] = await Promise.all([getTranslations("PublicPage"), getTranslations("Programmes.sources"), getLocale() as Promise<AppLocale>]);
  const count = (cell: FigureCell | undefined) => (typeof cell === "number" ? formatNumber(cell, { locale }) : (cell ?? "–"));
  const percent = (value: FigureCell | undefined) =>
    typeof value === "string" ? value : formatPercent(value ?? null, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rupiah = (value: bigint) => formatRupiah(value, { locale });
  const table = publicKecamatanTable(figures, {
    name: t("kecamatan.columns.kecamatan"),
    households: t("kecamatan.columns.households"),
    extremePoor: t("kecamatan.columns.extremePoor"),
    reached: t("kecamatan.columns.reached"),
    coverage: t("kecamatan.columns.coverage"),
    total: t("kecamatan.total"),
  });

  return (
    <>
      <header className="mb-6">
        <p className="text-sm font-medium text-muted">{t("eyebrow", { province: city.provinceName, year: figures.year })}</p>
        <h1 className="mt-1 text-2xl font-semibold text-ink sm:text-3xl">{t("title", { city: city.name })}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("description", { year: figures.year })}</p>
      </header>

      <dl aria-label={t("figuresLabel")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:gap-4">
        <StatCard tone="highlight" label={t("figures.reached", { year: figures.year })} value={count(publicReachedCell(figures))} />
        {/* In words on the card, as the budget pages write it; the exact amount under it. */}
        <StatCard label={t("figures.pagu")} value={formatRupiahShort(figures.budget.pagu, { locale })} hint={rupiah(figures.budget.pagu)} />
        <StatCard label={t("figures.realised")} value={formatRupiahShort(figures.budget.realised, { locale })} hint={rupiah(figures.budget.realised)} />
        <StatCard label={t("figures.absorption")} value={percent(figures.budget.absorption)} />
      </dl>

      <Card className="mt-8">
        <CardHeader title={t("sources.title")} description={t("sources.intro")} />
        {figures.sources.length === 0 ? (
          <p className="p-5 text-muted">{t("sources.none")}</p>
        ) : (
          <Table label={t("sources.title")}>
            <TableHead>
              <tr>
                <HeaderCell>{t("sources.columns.source")}</HeaderCell>
                <HeaderCell numeric>{t("sources.columns.pagu")}</HeaderCell>
                <HeaderCell numeric>{t("sources.columns.realised")}</HeaderCell>
                <HeaderCell numeric>{t("sources.columns.absorption")}</HeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {figures.sources.map((row) => (
                <Row key={row.fundingSource}>
                  <RowHeaderCell>{sources(row.fundingSource)}</RowHeaderCell>
                  <Cell numeric>{rupiah(row.pagu)}</Cell>
                  <Cell numeric>{rupiah(row.realised)}</Cell>
                  <Cell numeric>{percent(row.absorption)}</Cell>
                </Row>
              ))}
            </TableBody>
            <TableFoot>
              <tr>
                <RowHeaderCell>{t("sources.total")}</RowHeaderCell>
                <Cell numeric>{rupiah(figures.budget.pagu)}</Cell>
                <Cell numeric>{rupiah(figures.budget.realised)}</Cell>
                <Cell numeric>{percent(figures.budget.absorption)}</Cell>
              </tr>
            </TableFoot>
          </Table>
        )}
      </Card>

      <Card className="mt-8">
        <CardHeader title={t("kecamatan.title")} description={t("kecamatan.intro", { year: figures.year })} />
        {table.rows.length === 0 ? (
          <p className="p-5 text-muted">{t("kecamatan.none")}</p>
        ) : (
          <DashboardDataTable table={{ ...table, title: t("kecamatan.title") }} locale={locale} />
        )}
      </Card>
      <p className="mt-6 max-w-3xl text-sm text-muted">{t("suppressionNote", { threshold: PUBLIC_SMALL_CELL_THRESHOLD })}</p>
      <p className="mt-2 max-w-3xl text-sm text-muted">{t("sourcesNote")}</p>
    </>
  );
}
