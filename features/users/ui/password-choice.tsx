"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";

/** "Generate one" (default) or "type one", with the password field only for the latter. */
export function PasswordChoice({ legend, minLength, error, idPrefix }: { legend: string; minLength: number; error?: string; idPrefix: string }) {
  const t = useTranslations("Users.form");
  const [mode, setMode] = useState<"generate" | "manual">("generate");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        {(["generate", "manual"] as const).map((value) => (
          <label key={value} className="flex min-h-9 items-center gap-2 text-sm text-ink">
            <input
              type="radio"
              name="passwordMode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
              className="size-4 accent-brand-700"
            />
            {value === "generate" ? t("passwordGenerate") : t("passwordManual")}
          </label>
        ))}
      </div>
      {mode === "manual" ? (
        <Field
          id={`${idPrefix}-password`}
          name="password"
          type="text"
          label={t("passwordInput")}
          hint={t("passwordHint", { min: minLength })}
          autoComplete="new-password"
          spellCheck={false}
          autoCapitalize="none"
          minLength={minLength}
          required
          className="max-w-md"
          error={error}
        />
      ) : null}
    </fieldset>
  );
}
