import type { ReactNode } from "react";
import { cx } from "./class-names";

type Tone = "neutral" | "highlight";

/** One figure with its label; render inside a <dl> (e.g. StatGrid). */
export function StatCard({
  label,
  value,
  hint,
  tone = "neutral",
}: {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  tone?: Tone;
}) {
  return (
    <div
      className={cx(
        "rounded-lg border bg-white px-4 py-3 shadow-xs print:px-2.5 print:py-1.5",
        tone === "highlight" ? "border-accent-400 border-l-4" : "border-line border-l-4 border-l-brand-600",
      )}
    >
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-ink sm:text-3xl print:mt-0 print:text-lg">{value}</dd>
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
