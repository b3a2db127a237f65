import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** First / previous / next, keeping the filters; a follow-up id as the cursor, never an offset. */
export async function FollowUpPagination({
  href,
  shown,
  total,
  paged,
  prevBefore,
  nextAfter,
}: {
  /** The list's URL with the filters and the cursor given. */
  href: (cursor: { after?: string; before?: string }) => string;
  shown: number;
  total: number;
  /** This page was reached through a cursor (it is not the first). */
  paged: boolean;
  prevBefore: string | null;
  nextAfter: string | null;
}) {
  const [t, locale] = await Promise.all([getTranslations("Trainings.followUps.pagination"), getLocale() as Promise<AppLocale>]);
  if (!paged && !nextAfter) return null;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 px-4 pb-4 sm:px-5">
      <p className="text-sm text-muted">{t("showing", { count: formatNumber(shown, { locale }), total: formatNumber(total, { locale }) })}</p>
      <ul className="flex flex-wrap gap-2">
        {paged ? (
          <li>
            <LinkButton href={href({})} variant="secondary">
              {t("first")}
            </LinkButton>
          </li>
        ) : null}
        {prevBefore ? (
          <li>
            <LinkButton href={href({ before: prevBefore })} variant="secondary" rel="prev">
              ← {t("previous")}
            </LinkButton>
          </li>
        ) : null}
        {nextAfter ? (
          <li>
            <LinkButton href={href({ after: nextAfter })} variant="secondary" rel="next">
              {t("next")} →
            </LinkButton>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
