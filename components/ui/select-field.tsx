import type { ComponentProps } from "react";
import { FieldFrame, controlClassName, fieldDescription, type FieldFrameProps } from "./field-frame";

/**
 * A labelled <select> styled and wired like the text Field. The hint sits below the box (it
 * often explains the chosen option), so selects in a row stay aligned.
 */
export function SelectField({ id, label, hint, error, className, children, ...select }: ComponentProps<"select"> & FieldFrameProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className} hintBelow>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescription(id, hint, error).describedBy}
        className={controlClassName(error, "min-h-11")}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
