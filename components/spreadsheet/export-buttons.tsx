"use client";

// The export links' script: asks for the file; a small export comes back as the file and is
// saved, a large one comes back as a job (202), whose progress is shown until its file is ready.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type MouseEvent } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { EXPORT_CANCEL_HEADER, exportJobUrl, type ExportJobStatus } from "@/lib/spreadsheet/export-job-urls";

type Format = "xlsx" | "csv";
type Step = { kind: "idle" } | { kind: "asking" } | { kind: "job"; jobId: string; status: ExportJobStatus | null } | { kind: "failed" };

const POLL_MS = 1_000;

function savedName(response: Response, format: Format): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `ekspor.${format}`;
}

function save(blob: Blob, name: string) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export type ExportButtonsProps = {
  href: string;
  query?: string;
  /** Only these formats (default both); `label` names the .xlsx button instead of "Ekspor .xlsx". */
  formats?: readonly Format[];
  label?: string;
};

export function ExportButtons({ href, query, formats = ["xlsx", "csv"], label }: ExportButtonsProps) {
  const t = useTranslations("Spreadsheet");
  const locale = useLocale() as AppLocale;
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const url = (format: Format) => `${href}?${new URLSearchParams([["format", format], ...new URLSearchParams(query ?? "")])}`;
  const jobId = step.kind === "job" ? step.jobId : null;
  const finished = step.kind === "job" && step.status !== null && step.status.state !== "QUEUED" && step.status.state !== "RUNNING";

  useEffect(() => {
    if (!jobId || finished) return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(exportJobUrl(href, jobId), { cache: "no-store" });
        if (!response.ok) return;
        const status = (await response.json()) as ExportJobStatus;
        setStep((current) => (current.kind === "job" && current.jobId === jobId ? { ...current, status } : current));
      } catch {
        // The next poll tries again.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [href, jobId, finished]);

  async function ask(event: MouseEvent<HTMLAnchorElement>, format: Format) {
    event.preventDefault();
    setStep({ kind: "asking" });
    try {
      const response = await fetch(url(format), { cache: "no-store" });
      if (response.status === 202) {
        const { job } = (await response.json()) as { job: string };
        setStep({ kind: "job", jobId: job, status: null });
      } else if (response.ok) {
        save(await response.blob(), savedName(response, format));
        setStep({ kind: "idle" });
      } else setStep({ kind: "failed" });
    } catch {
      setStep({ kind: "failed" });
    }
  }

  async function cancel() {
    if (!jobId) return;
    const response = await fetch(exportJobUrl(href, jobId), { method: "POST", headers: { [EXPORT_CANCEL_HEADER]: "1" } }).catch(() => null);
    const status = response?.ok ? ((await response.json()) as ExportJobStatus) : null;
    if (status) setStep({ kind: "job", jobId, status });
  }

  const busy = step.kind === "asking" || (step.kind === "job" && !finished);
  return (
    <span className="inline-flex flex-col gap-2">
      <span className="inline-flex flex-wrap gap-2">
        {formats.map((format) => (
          <a
            key={format}
            className={buttonClassName("secondary", busy ? "pointer-events-none opacity-60" : undefined)}
            href={url(format)}
            download
            aria-disabled={busy}
            onClick={(event) => ask(event, format)}
          >
            {format === "xlsx" ? (label ?? t("export")) : t("exportCsv")}
          </a>
        ))}
      </span>
      {step.kind === "failed" ? (
        <span role="alert" className="text-sm text-red-800">
          {t("exportJob.failed")}
        </span>
      ) : null}
      {step.kind === "job" ? <JobState status={step.status} jobHref={exportJobUrl(href, step.jobId, true)} onCancel={cancel} locale={locale} /> : null}
    </span>
  );
}

function JobState({ status, jobHref, onCancel, locale }: { status: ExportJobStatus | null; jobHref: string; onCancel: () => void; locale: AppLocale }) {
  const t = useTranslations("Spreadsheet.exportJob");
  if (!status || status.state === "QUEUED" || status.state === "RUNNING") {
    return (
      <span className="space-y-1" role="status" aria-live="polite">
        <span className="block text-sm font-medium text-ink">
          {status?.rows ? t("preparingRows", { rows: formatNumber(status.rows, { locale }) }) : t("preparing")}
        </span>
        <progress className="h-2 w-full accent-brand-600" aria-label={t("preparing")} />
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </span>
    );
  }
  if (status.state === "DONE" && status.ready) {
    return (
      <span role="status" aria-live="polite" className="inline-flex flex-wrap items-center gap-2 text-sm">
        {t("ready")}
        <a className={buttonClassName("primary")} href={jobHref} download>
          {t("download")}
        </a>
      </span>
    );
  }
  const message = status.state === "DONE" ? t("expired") : status.state === "CANCELLED" ? t("cancelled") : (status.error ?? t("failed"));
  return (
    <span role="status" aria-live="polite" className="text-sm text-muted">
      {message}
    </span>
  );
}
