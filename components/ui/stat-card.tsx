import type { ReactNode } from "react";
import { cx } from "./class-names";

type Tone = "neutral" | "highlight";

/**
 * One figure with its label; render inside a <dl> (e.g. StatGrid). The figure's size follows
 * the card's own width (10cqi fits 16 characters such as "Rp 280,3 miliar", whose non-breaking
 * spaces never wrap), not the screen's: four cards abreast on a laptop are narrower than two
 * on a tablet. Pass the value plain, without a size of its own.
 */
export function StatCard({ label, value, hint, tone = "neutral" }: { label: ReactNode; value: ReactNode; hint?: ReactNode; tone?: Tone }) {
  return (
    <div
      className={cx(
        "@container min-w-0 rounded-lg border bg-white px-4 py-3 shadow-xs print:px-2.5 print:py-1.5",
        tone === "highlight" ? "border-accent-400 border-l-4" : "border-line border-l-4 border-l-brand-600",
      )}
    >
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="mt-1 text-[length:clamp(1rem,10cqi,1.875rem)] leading-tight font-semibold tabular-nums text-ink print:mt-0 print:text-lg">{value}</dd>
      {hint ? <dd className="mt-0.5 text-sm text-muted print:text-xs">{hint}</dd> : null}
    </div>
  );
}

export function StatGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 lg:grid-cols-4 lg:gap-4">
      {children}
    </dl>
  );
}
