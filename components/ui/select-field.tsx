import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";

/**
 * A labelled <select> styled and wired like the text Field. The hint sits below the box (it
 * often explains the chosen option), so selects in a row stay aligned.
 */
export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  children,
  ...select
}: ComponentProps<"select"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | null }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(hintId, errorId) || undefined}
        className={cx(
          "mt-1 block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base text-ink shadow-xs",
          error ? "border-red-700" : "border-line focus-visible:border-brand-500",
        )}
        {...select}
      >
        {children}
      </select>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
