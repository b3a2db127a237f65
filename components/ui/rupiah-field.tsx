"use client";

import { useLocale } from "next-intl";
import { useState, type ComponentProps, type ReactNode } from "react";
import { formatRupiah } from "@/lib/format";
import { localeFromCookie } from "@/lib/i18n/locales";
import { parseRupiah } from "@/lib/money";
import { Field } from "./field";

/**
 * A Rupiah amount typed as people write it ("1.500.000", "Rp1,5 juta", "1500000"; in English
 * "1,500,000", "1.5 million"). While
 * typing, the amount as Entas reads it is shown under the box, so "1,5 juta" is seen to
 * mean Rp 1.500.000 before saving. The server parses again; this is only a preview.
 */
export function RupiahField({
  preview,
  example,
  defaultValue,
  ...field
}: Omit<ComponentProps<typeof Field>, "type" | "inputMode" | "defaultValue" | "value" | "onChange"> & {
  defaultValue?: string;
  /** The line under the box, given the formatted amount, e.g. (amount) => `= ${amount}`. */
  preview: (formatted: string) => ReactNode;
  /** Shown in the same place while the box is empty, e.g. "Contoh: 1.500.000, Rp1,5 juta". */
  example?: ReactNode;
}) {
  const [text, setText] = useState(defaultValue ?? "");
  // Read as the server will: in the interface's language ("1.5 million" in English).
  const locale = localeFromCookie(useLocale());
  const parsed = text.trim() ? parseRupiah(text, { locale }) : null;
  const previewId = `${field.id}-preview`;
  const showPreview = Boolean(parsed?.ok && !field.error);
  const showExample = Boolean(example && !text.trim() && !field.error);
  // Field's own hint and error ids, plus the preview.
  const describedBy = [field.hint ? `${field.id}-hint` : null, field.error ? `${field.id}-error` : null, showPreview || showExample ? previewId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={field.className}>
      <Field
        {...field}
        className={undefined}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={describedBy || undefined}
      />
      <p id={previewId} aria-live="polite" className={showExample ? "mt-1 min-h-5 text-sm text-muted" : "mt-1 min-h-5 text-sm tabular-nums text-brand-800"}>
        {showPreview && parsed?.ok ? preview(formatRupiah(parsed.value)) : showExample ? example : null}
      </p>
    </div>
  );
}
