import type { ReactNode } from "react";
import { cx } from "./class-names";

export type FieldFrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
};

/** The ids a control points at with aria-describedby: its hint and its error. */
export function fieldDescription(id: string, hint: ReactNode, error: string | null | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: cx(hintId, errorId) || undefined };
}

/** The box of every text-like control, red when the field has an error. */
export function controlClassName(error: string | null | undefined, extra?: string): string {
  return cx(
    "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-ink shadow-xs",
    error ? "border-red-700" : "border-line focus-visible:border-brand-500",
    extra,
  );
}

/**
 * Label, hint and error around one form control. The hint sits above the control, or below
 * it (`hintBelow`) where it explains the chosen option, so controls in a row stay aligned.
 */
export function FieldFrame({ id, label, hint, error, className, hintBelow = false, children }: FieldFrameProps & { hintBelow?: boolean; children: ReactNode }) {
  const { hintId, errorId } = fieldDescription(id, hint, error);
  const hintText = hint ? (
    <p id={hintId} className={cx(hintBelow ? "mt-1" : "mt-0.5", "text-sm text-muted")}>
      {hint}
    </p>
  ) : null;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hintBelow ? null : hintText}
      {children}
      {hintBelow ? hintText : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
