import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "@/components/ui/class-names";

/**
 * One card of the home page, for a task and a dashboard's headline alike: a figure, what it
 * counts, a line or two more, the whole card one link to the page that shows exactly that.
 */
export function HomeCard({
  href,
  testId,
  figure,
  label,
  details,
  highlighted,
}: {
  href: string;
  testId: string;
  figure: ReactNode;
  label: ReactNode;
  details?: ReactNode[];
  /** Something waits (a task above zero): the accent border and a dark figure. */
  highlighted: boolean;
}) {
  return (
    <li className="min-w-0">
      <Link
        href={href}
        data-testid={testId}
        className={cx(
          "flex h-full min-h-11 flex-col gap-1 rounded-lg border border-line border-l-4 bg-white px-4 py-3 shadow-xs hover:bg-brand-50",
          highlighted ? "border-l-accent-400" : "border-l-line",
        )}
      >
        <span className="flex min-w-0 items-baseline gap-3">
          <span data-testid="card-figure" className={cx("shrink-0 text-2xl font-semibold tabular-nums", highlighted ? "text-ink" : "text-muted")}>
            {figure}
          </span>
          <span className="min-w-0 font-medium text-brand-800">{label}</span>
        </span>
        {details?.map((detail, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a card's detail lines in a fixed order
          <span key={i} className="block text-sm text-muted">
            {detail}
          </span>
        ))}
      </Link>
    </li>
  );
}

/** A titled grid of home cards. */
export function HomeCardGrid({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-6">
      <h2 id={id} className="mb-3 text-lg font-semibold text-ink">
        {title}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">{children}</ul>
    </section>
  );
}
