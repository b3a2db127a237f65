import { LinkButton } from "@/components/ui/button";
import type { PageOf } from "@/features/budget/page-after";

/**
 * Under a list paged by key (../page-after.ts): which rows of how many are shown, and links to
 * the first page and the next. `hrefOf(after)` keeps the list's other filters.
 */
export function ListPages({
  page,
  hrefOf,
  words,
}: {
  page: PageOf<unknown>;
  hrefOf: (after: string | null) => string;
  words: { label: string; shown: string; first: string; next: string };
}) {
  if (page.isFirstPage && !page.nextAfter) return null;
  return (
    <nav aria-label={words.label} className="mt-3 flex flex-wrap items-center gap-3">
      <p className="text-sm text-muted">{words.shown}</p>
      {!page.isFirstPage ? (
        <LinkButton href={hrefOf(null)} variant="secondary">
          {words.first}
        </LinkButton>
      ) : null}
      {page.nextAfter ? (
        <LinkButton href={hrefOf(page.nextAfter)} variant="secondary">
          {words.next}
        </LinkButton>
      ) : null}
    </nav>
  );
}
