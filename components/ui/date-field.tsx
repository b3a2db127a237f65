"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { parseTypedDay, typedDayText, type TypedDay } from "@/lib/calendar/typed-day";
import { cx } from "./class-names";
import { FieldFrame, controlClassName, fieldDescription, type FieldFrameProps } from "./field-frame";
import { useFieldWords } from "./field-words";

type DateFieldProps = Omit<ComponentProps<"input">, "type" | "name" | "defaultValue" | "value" | "onChange" | "min" | "max" | "placeholder" | "ref"> &
  FieldFrameProps & {
    /** The name the form sends the day under, as "YYYY-MM-DD": what the action's schema reads. */
    name: string;
    /** The day shown at first, "YYYY-MM-DD" (or "" for none). */
    defaultValue?: string;
    /** The earliest and latest day allowed, "YYYY-MM-DD"; the server checks them again. */
    min?: string;
    max?: string;
  };

/**
 * A day typed day first (21/11/2026) whatever the browser's language: a native date input
 * shows and reads the day in the browser's order, so 11/12 is November or December by
 * browser. The typed text is read by parseTypedDay and sent as "YYYY-MM-DD" in a hidden
 * field under `name`; text that is no day is sent as typed, so the server refuses it too.
 */
export function DateField({ id, label, hint, error, className, name, defaultValue = "", min, max, required, ...input }: DateFieldProps) {
  const words = useFieldWords().date;
  const initial = typedDayText(defaultValue);
  const [text, setText] = useState(initial);
  const [checked, setChecked] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const parsed = text.trim() ? parseTypedDay(text) : null;
  const problem = parsed ? dayProblem(parsed, { min, max }, words) : required ? words.required : null;
  const sent = parsed?.ok ? parsed.day : text.trim();

  useEffect(() => {
    // The browser blocks the send with this message, in the interface's language.
    inputRef.current?.setCustomValidity(problem ?? "");
  }, [problem]);

  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const reset = () => {
      setText(initial);
      setChecked(false);
    };
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, [initial]);

  const shownError = (checked && problem) || error;
  const formatId = `${id}-format`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={shownError} className={className}>
      <input
        {...input}
        ref={inputRef}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={words.placeholder}
        required={required}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={cx(fieldDescription(id, hint, shownError).describedBy, formatId)}
        className={controlClassName(shownError, "min-h-11 tabular-nums")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (checked && !event.target.value.trim()) setChecked(false);
        }}
        onBlur={() => setChecked(text.trim() !== "")}
        onInvalid={() => setChecked(true)}
      />
      {/* Under the box, so boxes in a row stay level whether or not a field has its own hint. */}
      <p id={formatId} className="mt-1 text-sm text-muted">
        {words.hint}
      </p>
      <input type="hidden" name={name} value={sent} />
    </FieldFrame>
  );
}

function dayProblem(parsed: TypedDay, range: { min?: string; max?: string }, words: ReturnType<typeof useFieldWords>["date"]): string | null {
  if (!parsed.ok) return words[parsed.problem];
  // "YYYY-MM-DD" days sort as text.
  if (range.min && parsed.day < range.min) return words.tooEarly.replace("{date}", typedDayText(range.min));
  if (range.max && parsed.day > range.max) return words.tooLate.replace("{date}", typedDayText(range.max));
  return null;
}
