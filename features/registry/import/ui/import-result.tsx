import { getLocale, getTranslations } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { importFileWordsIn } from "@/lib/spreadsheet/read";
import { columnKeyOf } from "@/features/registry/import/columns";
import type { ImportJobSummary } from "@/features/registry/import/queries";
import { importResultState } from "@/features/registry/import/result-state";
import { CommitPanel } from "./commit-panel";
import { FamilyChangesList } from "./family-changes";
import { FocusResult } from "./focus-result";
import { registryRoutes } from "@/features/registry/routes";

const WARNINGS_SHOWN = 50;

/** Steps 2 and 3: what the check found, the first rejected rows, and the button to save. */
export async function ImportResult({
  job,
  tenantSlug,
  timeZone,
  messages,
}: {
  job: ImportJobSummary;
  tenantSlug: string;
  timeZone: string;
  messages: Record<string, unknown>;
}) {
  const [t, locale] = await Promise.all([getTranslations("RegistryImport"), getLocale() as Promise<AppLocale>]);
  const number = (value: number) => formatNumber(value, { locale });
  const { report } = job;
  const counts = report.counts;
  const title = job.status === "COMMITTED" ? t("result.committedTitle") : job.status === "FAILED" ? t("result.failedTitle") : t("result.title");
  const tone = job.status === "COMMITTED" ? "positive" : job.status === "FAILED" ? "muted" : "neutral";
  const toSave = counts ? counts.rows.new + counts.rows.changed : 0;
  const index = (key: "noKk" | "nik" | "name" | "headName") => report.headers.findIndex((header) => columnKeyOf(header) === key);
  // A P3KE family file names its heads in KEPALA KELUARGA.
  const [noKkAt, nikAt, nameAt] = [index("noKk"), index("nik"), index("name") === -1 ? index("headName") : index("name")];
  const state = importResultState(report);

  return (
    <Card className="mt-6">
      <CardHeader
        id="import-result"
        title={
          <span className="flex flex-wrap items-center gap-2">
            {title}
            <Badge tone={tone}>{t(`result.status.${job.status}`)}</Badge>
          </span>
        }
        description={t("result.file", { file: job.fileName, date: formatDateTime(job.createdAt, { locale, timeZone }) })}
      />
      <FocusResult key={`${job.id}-${job.status}`} targetId="import-result" />
      <div className="space-y-5 p-4 sm:p-5">
        {report.error ? <FormAlert>{importFileWordsIn(report.error, locale)}</FormAlert> : null}
        {counts ? (
          <>
            <StatGrid label={t("result.figures")}>
              <StatCard label={t("result.rowsRead")} value={number(report.totalRows)} />
              <StatCard label={t("result.new")} value={number(counts.rows.new)} />
              <StatCard label={t("result.changed")} value={number(counts.rows.changed)} hint={`${t("result.unchanged")}: ${number(counts.rows.unchanged)}`} />
              <StatCard tone="highlight" label={t("result.rejected")} value={number(report.rejectedRows)} />
            </StatGrid>
            <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
              <div className="rounded-md border border-line">
                <Table label={t("result.breakdownLabel")}>
                  <TableHead>
                    <tr>
                      <HeaderCell>{t("result.what")}</HeaderCell>
                      <HeaderCell numeric>{t("result.new")}</HeaderCell>
                      <HeaderCell numeric>{t("result.changed")}</HeaderCell>
                      <HeaderCell numeric>{t("result.unchanged")}</HeaderCell>
                    </tr>
                  </TableHead>
                  <TableBody>
                    {(["households", "members"] as const).map((key) => (
                      <Row key={key}>
                        <RowHeaderCell>{t(`result.${key}`)}</RowHeaderCell>
                        <Cell numeric>{number(counts[key].new)}</Cell>
                        <Cell numeric>{number(counts[key].changed)}</Cell>
                        <Cell numeric>{number(counts[key].unchanged)}</Cell>
                      </Row>
                    ))}
                  </TableBody>
                </Table>
              </div>
              <ul className="space-y-1 text-sm text-muted">
                <li>{t("result.historyNote", { desil: number(counts.desilChanges), extreme: number(counts.extremePoorChanges) })}</li>
                {report.skippedRows > 0 ? <li>{t("result.skipped", { count: number(report.skippedRows) })}</li> : null}
                {report.ignoredColumns.length > 0 ? (
                  <li>{t("result.ignored", { columns: report.ignoredColumns.map((column) => `«${column}»`).join(", ") })}</li>
                ) : null}
                {report.encoding && report.encoding !== "utf-8" ? <li>{t("result.encoding", { encoding: report.encoding })}</li> : null}
              </ul>
            </div>
          </>
        ) : null}
        {report.families ? (
          <FamilyChangesList
            families={report.families}
            number={number}
            downloadHref={job.status === "DRY_RUN" ? registryRoutes.importFamilyChanges(tenantSlug, job.id) : null}
          />
        ) : null}

        {job.status === "DRY_RUN" ? (
          <section aria-labelledby="import-commit" className="rounded-md border border-brand-200 bg-brand-50/50 p-4">
            <h3 id="import-commit" className="font-semibold text-ink">
              {t("result.commitTitle")}
            </h3>
            {toSave > 0 ? (
              <NextIntlClientProvider messages={messages}>
                <CommitPanel
                  tenantSlug={tenantSlug}
                  jobId={job.id}
                  rows={toSave}
                  shown={number(toSave)}
                  confirmation={
                    report.needsConfirmation && counts
                      ? { moves: number(report.families?.moves.total ?? counts.moves), heads: number(report.families?.newHeads.total ?? counts.newHeads) }
                      : null
                  }
                />
              </NextIntlClientProvider>
            ) : (
              <p className="mt-1 text-sm text-muted">{t(`result.nothing.${state === "toSave" ? "allUnchanged" : state}`)}</p>
            )}
          </section>
        ) : null}
        {job.status === "COMMITTED" && job.committedAt ? (
          <FormNotice>{t("result.committed", { date: formatDateTime(job.committedAt, { locale, timeZone }) })}</FormNotice>
        ) : null}

        {report.warnings && report.warnings.length > 0 ? (
          <section aria-labelledby="import-warnings" className="space-y-2">
            <h3 id="import-warnings" className="font-semibold text-ink">
              {t("result.warningsTitle", { count: number(report.warnedRows ?? report.warnings.length) })}
            </h3>
            <p className="text-sm text-muted">{t("result.warningsIntro")}</p>
            <ul className="max-h-48 space-y-1 overflow-y-auto text-sm">
              {report.warnings.slice(0, WARNINGS_SHOWN).map((warning) => (
                <li key={`${warning.rowNumber}-${warning.kind}`}>{t(`result.warning.${warning.kind}`, { row: warning.rowNumber, region: warning.region })}</li>
              ))}
            </ul>
            {(report.warnedRows ?? 0) > WARNINGS_SHOWN ? (
              <p className="text-sm text-muted">{t("result.warningsFirst", { shown: number(WARNINGS_SHOWN), total: number(report.warnedRows ?? 0) })}</p>
            ) : null}
          </section>
        ) : null}

        {report.rejectedRows > 0 && job.rejectedExpired ? (
          <p className="text-sm text-muted">{t("result.rejectedExpired", { count: number(report.rejectedRows) })}</p>
        ) : report.rejectedRows > 0 ? (
          <section aria-labelledby="import-rejected" className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <h3 id="import-rejected" className="font-semibold text-ink">
                  {t("result.rejectedTitle")} ({number(report.rejectedRows)})
                </h3>
                <p className="text-sm text-muted">
                  {t("result.rejectedIntro")}{" "}
                  {job.firstRejected.length < report.rejectedRows
                    ? t("result.rejectedFirst", { shown: number(job.firstRejected.length), total: number(report.rejectedRows) })
                    : null}
                </p>
              </div>
              <a href={registryRoutes.importRejected(tenantSlug, job.id)} className={buttonClassName("secondary")} download>
                {t("result.download")}
              </a>
            </div>
            <div className="max-h-96 overflow-y-auto rounded-md border border-line">
              <Table label={t("result.rejectedTitle")}>
                <TableHead>
                  <tr>
                    <HeaderCell numeric>{t("result.columns.row")}</HeaderCell>
                    <HeaderCell>{t("result.columns.noKk")}</HeaderCell>
                    <HeaderCell>{t("result.columns.nik")}</HeaderCell>
                    <HeaderCell>{t("result.columns.name")}</HeaderCell>
                    <HeaderCell>{t("result.columns.reason")}</HeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {job.firstRejected.map((row) => (
                    <Row key={row.rowNumber}>
                      <RowHeaderCell className="text-right tabular-nums">{row.rowNumber}</RowHeaderCell>
                      <Cell className="font-mono text-xs whitespace-nowrap">{row.cells[noKkAt] ?? ""}</Cell>
                      <Cell className="font-mono text-xs whitespace-nowrap">{row.cells[nikAt] ?? ""}</Cell>
                      <Cell className="max-w-48 truncate">{row.cells[nameAt] ?? ""}</Cell>
                      <Cell className="min-w-80 text-red-900">{row.reasons.join("; ")}</Cell>
                    </Row>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        ) : counts ? (
          <p className="text-sm text-muted">{t("result.noneRejected")}</p>
        ) : null}
      </div>
    </Card>
  );
}
