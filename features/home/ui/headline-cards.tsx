import { getLocale, getTranslations } from "next-intl/server";
import type { Headline } from "@/features/home/tasks/headlines";
import { formatNumber, formatPercent, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { HomeCard, HomeCardGrid } from "./home-card";

/** The year's headline figure of each dashboard the user may open, each card leading to it. */
export async function HeadlineCards({ headlines }: { headlines: { year: number; figures: readonly Headline[] } | null }) {
  if (!headlines) return null;
  const { year, figures } = headlines;
  const [t, locale] = await Promise.all([getTranslations("Home.headlines"), getLocale() as Promise<AppLocale>]);
  const percent = (value: number | null) => (value === null ? "–" : formatPercent(value, { locale }));

  const shown = (headline: Headline): { figure: string; details: string[] } => {
    switch (headline.key) {
      case "realised":
        return {
          figure: formatRupiahShort(headline.amount, { locale }),
          details: [
            ...(headline.absorption !== null ? [t("absorption", { share: percent(headline.absorption) })] : []),
            t("lastWeek", { amount: formatRupiahShort(headline.lastWeek, { locale }) }),
          ],
        };
      case "householdsReached":
        return {
          figure: formatNumber(headline.count, { locale }),
          details: headline.lastWeek !== undefined ? [t("reachedThisWeek", { count: formatNumber(headline.lastWeek, { locale }) })] : [],
        };
      case "extremePoorUnreached":
        return { figure: formatNumber(headline.count, { locale }), details: [t("ofExtremePoor", { count: formatNumber(headline.extremePoor, { locale }) })] };
      case "loansOutstanding":
        return {
          figure: formatRupiahShort(headline.amount, { locale }),
          details: headline.repaymentRate !== null ? [t("repaymentRate", { share: percent(headline.repaymentRate) })] : [],
        };
      case "extremePovertyRate":
        return headline.rate === null
          ? { figure: "–", details: [t("noFigure")] }
          : { figure: formatPercent(headline.rate, { locale, minimumFractionDigits: 2 }), details: [t("rateYear", { year: headline.year ?? "" })] };
    }
  };

  return (
    <HomeCardGrid id="home-headlines" title={t("title", { year })}>
      {figures.map((headline) => {
        const { figure, details } = shown(headline);
        return (
          <HomeCard
            key={headline.key}
            href={headline.href}
            testId={`headline-${headline.key}`}
            highlighted
            figure={figure}
            label={t(`labels.${headline.key}`)}
            details={details}
          />
        );
      })}
    </HomeCardGrid>
  );
}
