"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ImportStep } from "./send-import";

/** One bar for the whole run: upload, then reading, comparing and saving on the server. */
export function ImportProgress({ step, onCancel }: { step: ImportStep; onCancel?: () => void }) {
  const t = useTranslations("RegistryImport.progress");
  const locale = useLocale() as AppLocale;
  const number = (value: number) => formatNumber(value, { locale });
  let value: number | undefined;
  let label: string;
  if (step.phase === "upload") {
    value = step.percent;
    label = t("upload", { percent: step.percent });
  } else if (step.phase === "read") {
    value = step.percent ?? undefined;
    label = step.percent === null ? t("readRows") : t("read", { percent: step.percent });
  } else if (step.phase === "queued") {
    label = step.retry ? t("retry") : t("queued");
  } else if (step.phase === "compare") {
    label = t("compare");
  } else {
    value = step.total ? Math.round((step.done / step.total) * 100) : undefined;
    label = t(step.phase, { done: number(step.done), total: number(step.total) });
  }
  return (
    <div className="space-y-1" role="status" aria-live="polite">
      <p className="text-sm font-medium text-ink">{label}</p>
      <progress className="h-2 w-full accent-brand-600" aria-label={t("label")} max={100} value={value} />
      {onCancel && step.phase !== "upload" ? (
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      ) : null}
    </div>
  );
}
