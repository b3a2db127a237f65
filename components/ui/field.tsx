import type { ComponentProps } from "react";
import { FieldFrame, controlClassName, fieldDescription, type FieldFrameProps } from "./field-frame";

/** A labelled input with an optional hint and error, wired up for screen readers. */
export function Field({ id, label, hint, error, className, ...input }: ComponentProps<"input"> & FieldFrameProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescription(id, hint, error).describedBy}
        className={controlClassName(error, "min-h-11")}
        {...input}
      />
    </FieldFrame>
  );
}
