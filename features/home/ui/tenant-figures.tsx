import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatNumber, formatPercent } from "@/lib/format";
import type { FigureRow } from "@/lib/spreadsheet/figures";
import { shownCell } from "@/features/home/figures";
import type { TenantOverview } from "@/features/home/queries";

/** `total`: the totals row of kecamatanFigures, so a card hides what the table hides. */
export async function TenantFigures({ overview, total }: { overview: TenantOverview; total: FigureRow }) {
  const [t, locale] = await Promise.all([getTranslations("Home"), getLocale()]);
  const number = (cell: FigureRow[string] | undefined) => shownCell(cell, (value) => formatNumber(value, { locale }));
  const share = typeof total.share === "number" ? formatPercent(total.share, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 }) : total.share;
  return (
    <StatGrid label={t("figuresLabel")}>
      <StatCard label={t("kecamatan")} value={formatNumber(overview.kecamatan, { locale })} />
      <StatCard label={t("kelurahan")} value={formatNumber(overview.kelurahan, { locale })} />
      <StatCard label={t("households")} value={number(total.households)} />
      <StatCard
        tone="highlight"
        label={t("extremePoor")}
        value={number(total.extremePoor)}
        hint={share === null || share === undefined ? undefined : t("extremePoorShare", { share })}
      />
    </StatGrid>
  );
}
