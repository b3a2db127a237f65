import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";

/** A labelled <textarea> styled and wired like the text Field. */
export function TextareaField({
  id,
  label,
  hint,
  error,
  className,
  rows = 2,
  ...textarea
}: ComponentProps<"textarea"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | null }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(hintId, errorId) || undefined}
        className={cx(
          "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-ink shadow-xs",
          error ? "border-red-700" : "border-line focus-visible:border-brand-500",
        )}
        {...textarea}
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
