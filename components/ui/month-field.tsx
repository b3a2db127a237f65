"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import { useLocale } from "next-intl";
import { parseTypedMonth, typedMonthText } from "@/lib/calendar/typed-month";
import { isAppLocale } from "@/lib/i18n/locales";
import { cx } from "./class-names";
import { FieldFrame, controlClassName, fieldDescription, type FieldFrameProps } from "./field-frame";
import { useFieldWords } from "./field-words";

type MonthFieldProps = Omit<ComponentProps<"input">, "type" | "name" | "defaultValue" | "value" | "onChange" | "min" | "max" | "placeholder" | "ref"> &
  FieldFrameProps & {
    /** The name the form sends the month under, as "YYYY-MM": what the action's schema or the URL reads. */
    name: string;
    /** The month shown at first, "YYYY-MM" (or "" for none). */
    defaultValue?: string;
    /**
     * In a filter row, whose boxes line up at their foot: the format is said by the placeholder
     * and to screen readers only, so the box stays level with its neighbours.
     */
    inRow?: boolean;
  };

/**
 * A month shown by its name in the interface's language ("Maret 2026") and typed as mm/yyyy or
 * by name, whatever the browser's language: a native month input names months in the browser's
 * language. The typed text is read by parseTypedMonth and sent as "YYYY-MM" in a hidden field
 * under `name`; text that is no month blocks the send with a message in the interface's language.
 */
export function MonthField({ id, label, hint, error, className, name, defaultValue = "", required, inRow = false, ...input }: MonthFieldProps) {
  const words = useFieldWords().month;
  const interfaceLocale = useLocale();
  const locale = isAppLocale(interfaceLocale) ? interfaceLocale : "id";
  const initial = typedMonthText(defaultValue, locale);
  const [text, setText] = useState(initial);
  const [checked, setChecked] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const parsed = text.trim() ? parseTypedMonth(text) : null;
  const problem = parsed ? (parsed.ok ? null : words[parsed.problem]) : required ? words.required : null;
  const sent = parsed?.ok ? parsed.month : text.trim();

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
        onBlur={() => {
          // A month read is shown by its name, so "08/2026" is seen to be August.
          if (parsed?.ok) setText(typedMonthText(parsed.month, locale));
          setChecked(text.trim() !== "");
        }}
        onInvalid={() => setChecked(true)}
      />
      <p id={formatId} className={inRow ? "sr-only" : "mt-1 text-sm text-muted"}>
        {words.hint}
      </p>
      <input type="hidden" name={name} value={sent} />
    </FieldFrame>
  );
}
