import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import type { AuditFilter } from "@/features/audit/queries";
import { withQuery } from "@/lib/paths";

/** Newest / newer / older, keeping the filters; a cursor (an id) in the URL, never an offset. */
export async function AuditPagination({
  path,
  filter,
  newerThan,
  olderThan,
  count,
}: {
  path: string;
  filter: AuditFilter;
  newerThan: string | null;
  olderThan: string | null;
  count: number;
}) {
  const t = await getTranslations("Audit.pagination");
  const href = (cursor: { before?: string; after?: string }) => {
    const params = new URLSearchParams();
    for (const key of ["user", "entity", "action", "from", "to"] as const) {
      const value = filter[key];
      if (value) params.set(key, value);
    }
    if (cursor.before) params.set("before", cursor.before);
    if (cursor.after) params.set("after", cursor.after);
    return withQuery(path, params);
  };
  const paged = Boolean(filter.before || filter.after);
  if (!paged && !olderThan) return null;

  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">{t("showing", { count })}</p>
      <ul className="flex flex-wrap gap-2">
        {paged ? (
          <li>
            <LinkButton href={href({})} variant="secondary">
              {t("newest")}
            </LinkButton>
          </li>
        ) : null}
        {newerThan ? (
          <li>
            <LinkButton href={href({ after: newerThan })} variant="secondary" rel="prev">
              ← {t("newer")}
            </LinkButton>
          </li>
        ) : null}
        {olderThan ? (
          <li>
            <LinkButton href={href({ before: olderThan })} variant="secondary" rel="next">
              {t("older")} →
            </LinkButton>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
