"use client";

// The upload form of a small-table import (lib/spreadsheet/table-import.ts):
//
//   <ImportPanel action={importRealisations.bind(null, slug)} templateHref={budgetRoutes.template(slug)}
//     idPrefix="realisation-import" downloadBase="realisasi" />
//
// "Periksa" sends mode=dry-run (report only), "Impor" mode=commit. The action queues a job and
// answers its status route; the panel follows the job there, shows its progress, offers to
// cancel it, and then shows the report: the rejected rows (they download as .csv straight from
// the report in the browser) and the accepted rows the import noted. Children are extra form
// fields (an import's options).
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { cancelJob, followJob } from "@/lib/jobs/follow-job";
import { csvText } from "@/lib/spreadsheet/csv";
import { TABLE_FILE_MAX_BYTES } from "@/lib/spreadsheet/table-file-limit";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import type { TableImportQueued, TableImportStatus } from "@/lib/spreadsheet/table-import-status";
import { Button, buttonClassName } from "@/components/ui/button";
import { FileField } from "@/components/ui/file-field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Cell, HeaderCell, Row, Table, TableBody, TableHead } from "@/components/ui/table";
import type { FormAction } from "@/components/ui/use-action-form";
import { useSubmissionKey } from "@/components/ui/use-submission-key";

const SHOWN_REJECTED = 200;

type Props = {
  action: FormAction<TableImportQueued>;
  /** The template route; "?format=csv" is appended for the CSV link. */
  templateHref: string;
  idPrefix: string;
  /** The rejected-rows file is named "<downloadBase>-ditolak.csv". */
  downloadBase: string;
  /** Extra fields of the form, sent with the file (the import's options). */
  children?: ReactNode;
  /** What the notes table is headed, when the import notes rows. */
  notesTitle?: string;
};

type Outcome = ActionResult<TableImportReport>;

export function ImportPanel({ action, templateHref, idPrefix, downloadBase, children, notesTitle }: Props) {
  const t = useTranslations("Spreadsheet");
  const locale = useLocale() as AppLocale;
  const router = useRouter();
  const [state, setState] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);
  const [running, setRunning] = useState<{ href: string; status: TableImportStatus | null } | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLDivElement>(null);

  const submissionKey = useSubmissionKey();

  useEffect(() => {
    if (!state) return;
    if (state.ok) submissionKey.renew();
    if (state.ok) reportRef.current?.focus();
    else fileRef.current?.focus();
  }, [state, submissionKey]);

  /** Queues the job, follows it to its end, and says how it ended. */
  async function send(data: FormData): Promise<Outcome> {
    let queued: ActionResult<TableImportQueued>;
    try {
      queued = await action(null, data);
    } catch {
      // A request Next.js itself refuses (too large, cut short) or a lost connection.
      return { ok: false, code: "NOT_SENT", message: t("sendFailed") };
    }
    if (!queued.ok) return queued;
    const href = queued.data.statusHref;
    setRunning({ href, status: null });
    const status = await followJob<TableImportStatus>(href, (next) => setRunning({ href, status: next }));
    if (!status) return { ok: false, code: "LOST", message: t("progress.lost") };
    if (status.state === "DONE" && status.report) {
      if (status.report.mode === "commit" && status.report.accepted > 0) router.refresh();
      return { ok: true, data: status.report };
    }
    const message = status.error ?? t("sendFailed");
    const refusal = status.refusal;
    return { ok: false, code: refusal?.code ?? status.state, message, fieldErrors: refusal?.field ? { [refusal.field]: [message] } : undefined };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = submissionKey.stamp(new FormData(event.currentTarget, submitter));
    const file = data.get("file");
    if (file instanceof File && file.size > TABLE_FILE_MAX_BYTES) {
      setTooLarge(t("tooLarge", { mb: TABLE_FILE_MAX_BYTES / 1024 / 1024 }));
      fileRef.current?.focus();
      return;
    }
    setTooLarge(null);
    setPending(true);
    try {
      setState(await send(data));
    } finally {
      setPending(false);
      setRunning(null);
    }
  }

  const fileError = tooLarge ?? (state && !state.ok ? (state.fieldErrors?.file?.[0] ?? state.fieldErrors?.mode?.[0]) : undefined);
  const formError = state && !state.ok && !fileError ? state.message : undefined;
  const report = state?.ok ? state.data : null;
  const number = (value: number) => formatNumber(value, { locale });

  function downloadRejected() {
    if (!report) return;
    const headers = [...report.headers, t("reasonHeader"), t("rowHeader")];
    const width = report.headers.length;
    const rows = report.rejected.map((row) => [...Array.from({ length: width }, (_, i) => row.cells[i] ?? ""), row.reasons.join("; "), String(row.rowNumber)]);
    const url = URL.createObjectURL(new Blob([csvText(headers, rows)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${downloadBase}-ditolak.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <FileField
          ref={fileRef}
          id={`${idPrefix}-file`}
          name="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t("fileLabel")}
          hint={t("fileHint")}
          error={fileError}
          required
        />
        {children}
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" name="mode" value="dry-run" variant="secondary" disabled={pending}>
            {t("check")}
          </Button>
          <Button type="submit" name="mode" value="commit" disabled={pending}>
            {t("import")}
          </Button>
          {pending && !running ? (
            <span role="status" className="text-sm text-muted">
              {t("working")}
            </span>
          ) : null}
          <span className="ml-auto flex flex-wrap gap-x-3 text-sm">
            <a className="text-brand-800 underline" href={templateHref}>
              {t("template")}
            </a>
            <a className="text-brand-800 underline" href={`${templateHref}?format=csv`}>
              {t("templateCsv")}
            </a>
          </span>
        </div>
        {running ? <JobProgress status={running.status} onCancel={() => void cancelJob(running.href)} /> : null}
      </form>

      {report ? (
        <div ref={reportRef} tabIndex={-1} aria-live="polite" className="space-y-3 outline-none">
          <h3 className="text-base font-semibold text-ink">{report.mode === "dry-run" ? t("dryRunTitle") : t("commitTitle")}</h3>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div>
              <dt className="inline text-muted">{t("total")}: </dt>
              <dd className="inline font-semibold tabular-nums">{number(report.total)}</dd>
            </div>
            <div>
              <dt className="inline text-muted">{report.mode === "commit" ? t("acceptedSaved") : t("accepted")}: </dt>
              <dd className="inline font-semibold tabular-nums text-emerald-800">{number(report.accepted)}</dd>
            </div>
            <div>
              <dt className="inline text-muted">{t("rejected")}: </dt>
              <dd className="inline font-semibold tabular-nums text-red-800">{number(report.rejected.length + (report.rejectedOmitted ?? 0))}</dd>
            </div>
          </dl>
          {report.ignoredColumns.length > 0 ? <p className="text-sm text-muted">{t("ignoredColumns", { columns: report.ignoredColumns.join(", ") })}</p> : null}
          {report.mode === "dry-run" && report.accepted > 0 ? <FormNotice>{t("dryRunNext")}</FormNotice> : null}
          {report.rejected.length > 0 ? (
            <div className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h4 className="text-sm font-semibold text-ink">{t("rejectedTitle")}</h4>
                <button type="button" className={buttonClassName("secondary")} onClick={downloadRejected}>
                  {t("downloadRejected")}
                </button>
              </div>
              <div className="max-h-80 overflow-y-auto rounded-md border border-line">
                <Table label={t("rejectedTitle")}>
                  <TableHead>
                    <tr>
                      <HeaderCell numeric className="w-20">
                        {t("row")}
                      </HeaderCell>
                      <HeaderCell>{t("reasons")}</HeaderCell>
                    </tr>
                  </TableHead>
                  <TableBody>
                    {report.rejected.slice(0, SHOWN_REJECTED).map((row) => (
                      <Row key={row.rowNumber}>
                        <Cell numeric>{row.rowNumber}</Cell>
                        <Cell>{row.reasons.join("; ")}</Cell>
                      </Row>
                    ))}
                  </TableBody>
                </Table>
              </div>
              {report.rejected.length + (report.rejectedOmitted ?? 0) > SHOWN_REJECTED ? (
                <p className="text-sm text-muted">
                  {t("rejectedMore", {
                    shown: number(Math.min(SHOWN_REJECTED, report.rejected.length)),
                    total: number(report.rejected.length + (report.rejectedOmitted ?? 0)),
                  })}
                </p>
              ) : null}
            </div>
          ) : null}
          {report.notes?.length ? (
            <div className="space-y-2">
              <h4 className="text-sm font-semibold text-ink">
                {notesTitle ?? t("notesTitle")} ({number(report.notes.length)})
              </h4>
              <div className="max-h-80 overflow-y-auto rounded-md border border-amber-300">
                <Table label={notesTitle ?? t("notesTitle")}>
                  <TableHead>
                    <tr>
                      <HeaderCell numeric className="w-20">
                        {t("row")}
                      </HeaderCell>
                      <HeaderCell>{t("notes")}</HeaderCell>
                    </tr>
                  </TableHead>
                  <TableBody>
                    {report.notes.slice(0, SHOWN_REJECTED).map((row) => (
                      <Row key={row.rowNumber}>
                        <Cell numeric>{row.rowNumber}</Cell>
                        <Cell>{row.notes.join("; ")}</Cell>
                      </Row>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Where the job stands: waiting, reading the file, or checking and saving its rows. */
function JobProgress({ status, onCancel }: { status: TableImportStatus | null; onCancel: () => void }) {
  const t = useTranslations("Spreadsheet.progress");
  const locale = useLocale() as AppLocale;
  const progress = status?.state === "RUNNING" ? status.progress : null;
  let value: number | undefined;
  let label: string;
  if (progress?.phase === "write" && progress.total) {
    value = Math.round((progress.done / progress.total) * 100);
    label = t("write", { done: formatNumber(progress.done, { locale }), total: formatNumber(progress.total, { locale }) });
  } else if (progress?.phase === "read") {
    label = t("read");
  } else {
    // A job's first run counts one attempt; more, or a queued job that ran before, is a retry.
    const retry = status ? status.attempts > (status.state === "RUNNING" ? 1 : 0) : false;
    label = retry ? t("retry") : t("queued");
  }
  return (
    <div className="space-y-1" role="status" aria-live="polite">
      <p className="text-sm font-medium text-ink">{label}</p>
      <progress className="h-2 w-full accent-brand-600" aria-label={t("label")} max={100} value={value} />
      <Button type="button" variant="secondary" onClick={onCancel} disabled={status?.cancelRequested}>
        {t("cancel")}
      </Button>
    </div>
  );
}
