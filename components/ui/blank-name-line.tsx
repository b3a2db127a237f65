import { cx } from "./class-names";

/**
 * The dotted line a signatory writes their name on, "( ……… )": it takes its column's width, so a
 * narrow column (two signatures side by side on a phone) never pushes the page wider.
 */
export function BlankNameLine({ className }: { className?: string }) {
  return (
    <p className={cx("mx-auto flex w-full max-w-60 items-end gap-1", className)}>
      <span>(</span>
      <span aria-hidden className="mb-1 flex-1 border-b-2 border-dotted border-ink" />
      <span>)</span>
    </p>
  );
}
