import type { ReactNode } from "react";
import { cx } from "./class-names";

/** `data-*` attributes pass through (e.g. ChartPanel's `data-print-span` for the print stylesheet). */
export function Card({ children, className, ...data }: { children: ReactNode; className?: string } & { [key: `data-${string}`]: string | undefined }) {
  return (
    <section className={cx("rounded-lg border border-line bg-white shadow-xs", className)} {...data}>
      {children}
    </section>
  );
}

export function CardHeader({ title, description, id }: { title: ReactNode; description?: ReactNode; id?: string }) {
  return (
    <header className="border-b border-line px-4 py-3 sm:px-5">
      <h2 id={id} className="text-base font-semibold text-ink">
        {title}
      </h2>
      {description ? <p className="mt-0.5 text-sm text-muted">{description}</p> : null}
    </header>
  );
}
