"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * The household already had this kind of aid this year (from any OPD). Shown before saving;
 * the clerk may still save, and that choice is recorded on the entry.
 */
export function DuplicateWarning({ lines, pending, onConfirm }: { lines: readonly string[]; pending: boolean; onConfirm: () => void }) {
  const t = useTranslations("Aid.form.duplicate");
  return (
    <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-3 text-sm text-amber-950">
      <p className="font-semibold">{t("title")}</p>
      <ul className="mt-1 list-disc pl-5">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="mt-2">{t("explain")}</p>
      <Button type="submit" variant="secondary" className="mt-2" disabled={pending} onClick={onConfirm}>
        {t("confirm")}
      </Button>
    </div>
  );
}
