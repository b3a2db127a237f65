import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Headline } from "@/features/home/tasks/headlines";
import { formatNumber, formatPercent, formatRupiahShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** The year's headline figures, each leading to its dashboard, with what the last seven days added. */
export async function HeadlineCards({ headlines }: { headlines: { year: number; figures: readonly Headline[] } | null }) {
  if (!headlines) return null;
  const { year, figures } = headlines;
  const [t, locale] = await Promise.all([getTranslations("Home.headlines"), getLocale() as Promise<AppLocale>]);
  return (
    <section aria-labelledby="home-headlines" className="mb-6">
      <h2 id="home-headlines" className="mb-3 text-lg font-semibold text-ink">
        {t("title", { year })}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {figures.map((headline) => (
          <li key={headline.key} className="min-w-0">
            <Link
              href={headline.href}
              data-testid={`headline-${headline.key}`}
              className="block h-full rounded-lg border border-line border-l-4 border-l-brand-600 bg-white px-4 py-3 shadow-xs hover:bg-brand-50"
            >
              <span className="block text-sm font-medium text-muted">{t(`labels.${headline.key}`)}</span>
              <span className="mt-1 block text-2xl font-semibold tabular-nums text-ink">
                {headline.key === "realised" ? formatRupiahShort(headline.amount, { locale }) : formatNumber(headline.count, { locale })}
              </span>
              {headline.key === "realised" ? (
                <>
                  {headline.absorption !== null ? (
                    <span className="block text-sm text-muted">{t("absorption", { share: formatPercent(headline.absorption, { locale }) })}</span>
                  ) : null}
                  <span className="block text-sm text-ink">{t("lastWeek", { amount: formatRupiahShort(headline.lastWeek, { locale }) })}</span>
                </>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
