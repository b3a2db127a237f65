import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ImportJobListRow } from "@/features/registry/import/queries";
import { registryRoutes } from "@/features/registry/routes";

/** The city's latest imports; each opens its result. */
export async function RecentImports({
  jobs,
  tenantSlug,
  timeZone,
  current,
  waitingOnly = false,
}: {
  jobs: ImportJobListRow[];
  tenantSlug: string;
  timeZone: string;
  current?: string;
  /** The list holds only the imports checked but never saved (`?status=belum-disimpan`). */
  waitingOnly?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("RegistryImport"), getLocale() as Promise<AppLocale>]);
  const number = (value: number) => formatNumber(value, { locale });
  return (
    <Card className="mt-6">
      <CardHeader
        id="recent-imports"
        title={waitingOnly ? t("recent.waitingTitle", { count: jobs.length }) : t("recent.title")}
        description={
          waitingOnly ? (
            <>
              {t("recent.waitingIntro")}{" "}
              <Link href={registryRoutes.import(tenantSlug)} className="font-medium text-brand-700 underline underline-offset-2">
                {t("recent.showAll")}
              </Link>
            </>
          ) : undefined
        }
      />
      {jobs.length === 0 ? (
        <p className="p-5 text-muted">{t("recent.empty")}</p>
      ) : (
        <Table label={t("recent.label")}>
          <TableHead>
            <tr>
              <HeaderCell>{t("recent.columns.file")}</HeaderCell>
              <HeaderCell>{t("recent.columns.when")}</HeaderCell>
              <HeaderCell>{t("recent.columns.by")}</HeaderCell>
              <HeaderCell>{t("recent.columns.status")}</HeaderCell>
              <HeaderCell numeric>{t("recent.columns.rows")}</HeaderCell>
              <HeaderCell numeric>{t("recent.columns.new")}</HeaderCell>
              <HeaderCell numeric>{t("recent.columns.changed")}</HeaderCell>
              <HeaderCell numeric>{t("recent.columns.rejected")}</HeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {jobs.map((job) => (
              <Row key={job.id}>
                <RowHeaderCell className="max-w-72">
                  <Link
                    href={registryRoutes.import(tenantSlug, { job: job.id })}
                    aria-label={t("recent.open", { file: job.fileName })}
                    aria-current={job.id === current ? "true" : undefined}
                    className="block truncate font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {job.fileName}
                  </Link>
                </RowHeaderCell>
                <Cell className="whitespace-nowrap tabular-nums">{formatDateTime(job.createdAt, { locale, timeZone })}</Cell>
                <Cell className="whitespace-nowrap">{job.createdByName ?? "–"}</Cell>
                <Cell>
                  <Badge tone={job.status === "COMMITTED" ? "positive" : job.status === "FAILED" ? "muted" : "neutral"}>
                    {t(`result.status.${job.status}`)}
                  </Badge>
                </Cell>
                <Cell numeric>{number(job.totalRows)}</Cell>
                <Cell numeric>{number(job.newRows)}</Cell>
                <Cell numeric>{number(job.changedRows)}</Cell>
                <Cell numeric>{number(job.rejectedRows)}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
