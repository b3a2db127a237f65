import { getLocale, getTranslations } from "next-intl/server";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { formatNumber, formatPercent } from "@/lib/format";
import { sharePercent, type TenantOverview } from "@/features/home/queries";

export async function TenantFigures({ overview }: { overview: TenantOverview }) {
  const [t, locale] = await Promise.all([getTranslations("Home"), getLocale()]);
  const share = sharePercent(overview.extremePoorHouseholds, overview.households);
  const shareText = formatPercent(share, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <StatGrid label={t("figuresLabel")}>
      <StatCard label={t("kecamatan")} value={formatNumber(overview.kecamatan, { locale })} />
      <StatCard label={t("kelurahan")} value={formatNumber(overview.kelurahan, { locale })} />
      <StatCard label={t("households")} value={formatNumber(overview.households, { locale })} />
      <StatCard
        tone="highlight"
        label={t("extremePoor")}
        value={formatNumber(overview.extremePoorHouseholds, { locale })}
        hint={share === null ? undefined : t("extremePoorShare", { share: shareText })}
      />
    </StatGrid>
  );
}
