"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { buttonClassName } from "./button";
import { cx } from "./class-names";
import { FieldFrame, fieldDescription, type FieldFrameProps } from "./field-frame";
import { useFieldWords } from "./field-words";

/**
 * A file to upload, with its button and "no file chosen" in the interface's language: the
 * browser's own file input speaks the browser's language ("Choose File"). The native input
 * stays in the page, visually hidden, so the keyboard reaches it and the button shows its focus.
 */
export function FileField({
  id,
  label,
  hint,
  hintBelow,
  error,
  className,
  ref,
  onChange,
  ...input
}: Omit<ComponentProps<"input">, "type"> & FieldFrameProps & { hintBelow?: boolean }) {
  const words = useFieldWords().file;
  const [fileName, setFileName] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const { describedBy } = fieldDescription(id, hint, error);
  const nameId = `${id}-chosen`;

  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const reset = () => setFileName(null);
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, []);

  return (
    <FieldFrame id={id} label={label} hint={hint} hintBelow={hintBelow} error={error} className={className}>
      <div className="mt-1 flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1">
        <input
          {...input}
          ref={(element) => {
            inputRef.current = element;
            if (typeof ref === "function") ref(element);
            else if (ref) ref.current = element;
          }}
          id={id}
          type="file"
          className="peer sr-only"
          aria-invalid={error ? true : input["aria-invalid"]}
          aria-describedby={cx(describedBy, nameId)}
          onChange={(event) => {
            setFileName(event.target.files?.[0]?.name ?? null);
            onChange?.(event);
          }}
        />
        <label
          htmlFor={id}
          aria-hidden="true"
          className={buttonClassName(
            "secondary",
            cx(
              "cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-(--focus-ring) peer-focus-visible:outline-solid",
              "peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
              error ? "border-red-700" : undefined,
            ),
          )}
        >
          {words.choose}
        </label>
        <span id={nameId} className={cx("min-w-0 break-all text-sm", fileName ? "text-ink" : "text-muted")}>
          {fileName ?? words.none}
        </span>
      </div>
    </FieldFrame>
  );
}
