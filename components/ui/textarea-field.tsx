import type { ComponentProps } from "react";
import { FieldFrame, controlClassName, fieldDescription, type FieldFrameProps } from "./field-frame";

/** A labelled <textarea> styled and wired like the text Field. */
export function TextareaField({ id, label, hint, error, className, rows = 2, ...textarea }: ComponentProps<"textarea"> & FieldFrameProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescription(id, hint, error).describedBy}
        className={controlClassName(error)}
        {...textarea}
      />
    </FieldFrame>
  );
}
