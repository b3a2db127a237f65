import type { ReactNode } from "react";
import { cx } from "./class-names";

type Tone = "positive" | "neutral" | "muted" | "warning";

const tones: Record<Tone, string> = {
  positive: "border-emerald-300 bg-emerald-50 text-emerald-900",
  neutral: "border-brand-200 bg-brand-50 text-brand-900",
  muted: "border-line bg-paper text-muted",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
};

/** A short status word in a pill; the text carries the meaning, the colour only repeats it. */
export function Badge({ tone = "neutral", children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span className={cx("inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", tones[tone], className)}>
      {children}
    </span>
  );
}
