import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import type { KeyCursor, KeyPage } from "@/lib/paging/key-page";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * "N of M shown" and first / previous / next for a list paged by key (lib/paging/key-page.ts),
 * keeping the list's filters: `href` gives the list's URL with its filters and a cursor.
 */
export async function KeyPagination({
  label,
  href,
  page,
  paged,
  className,
}: {
  /** What the navigation is, for screen readers ("Training pages"). */
  label: string;
  href: (cursor: KeyCursor) => string;
  page: Pick<KeyPage<unknown>, "rows" | "total" | "nextAfter" | "prevBefore">;
  /** This page was reached through a cursor (it is not the first). */
  paged: boolean;
  className?: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("Lists.pagination"), getLocale() as Promise<AppLocale>]);
  if (!paged && !page.nextAfter) return null;
  return (
    <nav aria-label={label} className={className ?? "flex flex-wrap items-center justify-between gap-3 px-4 pb-4 sm:px-5"}>
      <p className="text-sm text-muted">{t("showing", { count: formatNumber(page.rows.length, { locale }), total: formatNumber(page.total, { locale }) })}</p>
      <ul className="flex flex-wrap gap-2">
        {paged ? (
          <li>
            <LinkButton href={href({})} variant="secondary">
              {t("first")}
            </LinkButton>
          </li>
        ) : null}
        {page.prevBefore ? (
          <li>
            <LinkButton href={href({ before: page.prevBefore })} variant="secondary" rel="prev">
              ← {t("previous")}
            </LinkButton>
          </li>
        ) : null}
        {page.nextAfter ? (
          <li>
            <LinkButton href={href({ after: page.nextAfter })} variant="secondary" rel="next">
              {t("next")} →
            </LinkButton>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
