import { cx } from "@/components/ui/class-names";

/**
 * Absorption as a bar, with a tick where the calendar says it should be by now. Decorative:
 * the figures are written out next to it.
 */
export function AbsorptionBar({ absorption, expected, className }: { absorption: number | null; expected: number | null; className?: string }) {
  const filled = Math.max(0, Math.min(100, absorption ?? 0));
  const behind = absorption !== null && expected !== null && absorption < expected;
  return (
    <div aria-hidden="true" className={cx("relative h-2 w-full min-w-16 rounded-full bg-brand-100", className)}>
      <div className={cx("h-2 rounded-full", behind ? "bg-accent-500" : "bg-brand-600")} style={{ width: `${filled}%` }} />
      {expected !== null ? <div className="absolute -top-1 h-4 w-0.5 bg-ink" style={{ left: `calc(${Math.min(100, expected)}% - 1px)` }} /> : null}
    </div>
  );
}
