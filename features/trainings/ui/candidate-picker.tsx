import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DesilBadge, ExtremeBadge } from "@/features/registry/ui/registry-badges";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-alert";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { CandidateSearch } from "@/features/trainings/candidates";
import { NO_NUMBER_PATTERN } from "@/features/registry/search/schema";
import type { FormAction } from "@/components/ui/use-action-form";

/**
 * People to add, best first: extreme-poor, then by desil, then those not yet reached this
 * year. The search (by name) is a GET form, so the list survives a reload; numbers are
 * refused by the browser before they reach the URL, and by the server if they do.
 */
export async function CandidatePicker({
  add,
  trainingId,
  path,
  q,
  result,
  full,
}: {
  /** The add-participant server action, bound to the city. */
  add: FormAction<{ participantId: string }>;
  trainingId: string;
  path: string;
  q: string;
  result: CandidateSearch;
  full: boolean;
}) {
  const t = await getTranslations("Trainings.picker");
  return (
    <Card className="mt-6">
      <CardHeader id="picker" title={t("title")} description={t("intro")} />
      <div className="space-y-3 p-4 sm:p-5">
        <form method="get" action={`${path}#picker`} role="search" aria-label={t("searchLabel")} className="flex flex-wrap items-end gap-3">
          <Field
            id="picker-q"
            name="q"
            label={t("search")}
            hint={t("searchHint")}
            defaultValue={q}
            autoComplete="off"
            pattern={NO_NUMBER_PATTERN}
            title={t("numberNotHere")}
            className="w-80 max-w-full"
          />
          <Button type="submit" variant="secondary" className="min-h-11">
            {t("find")}
          </Button>
          {q ? (
            <Link href={`${path}#picker`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("clear")}
            </Link>
          ) : null}
        </form>
        {full ? <FormNotice>{t("full")}</FormNotice> : null}
        {result.kind === "badNumber" ? <FormNotice>{t("badNumber")}</FormNotice> : null}
        {result.kind === "shortName" ? <FormNotice>{t("shortName")}</FormNotice> : null}
        {result.kind === "numberNotHere" ? <FormNotice>{t("numberNotHere")}</FormNotice> : null}
        {result.kind === "list" && result.rows.length === 0 ? <p className="text-muted">{t("none")}</p> : null}
      </div>
      {result.kind === "list" && result.rows.length > 0 && !full ? (
        <Table label={t("label")}>
          <TableHead>
            <tr>
              <HeaderCell>{t("columns.name")}</HeaderCell>
              <HeaderCell>{t("columns.noKk")}</HeaderCell>
              <HeaderCell>{t("columns.kelurahan")}</HeaderCell>
              <HeaderCell>{t("columns.priority")}</HeaderCell>
              <HeaderCell>
                <span className="sr-only">{t("columns.add")}</span>
              </HeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {result.rows.map((row) => (
              <Row key={row.memberId}>
                <RowHeaderCell>
                  {row.name}
                  <span className="block font-mono text-xs font-normal whitespace-nowrap text-muted">{t("nik", { nik: row.nikMasked })}</span>
                </RowHeaderCell>
                <Cell className="font-mono text-xs">{row.noKkMasked}</Cell>
                <Cell>{row.kelurahan}</Cell>
                <Cell>
                  <span className="flex flex-wrap gap-1">
                    {row.isExtremePoor ? <ExtremeBadge>{t("extreme")}</ExtremeBadge> : null}
                    <DesilBadge desil={row.desil} />
                    {row.reached ? <Badge tone="muted">{t("reached")}</Badge> : <Badge>{t("notReached")}</Badge>}
                  </span>
                </Cell>
                <Cell className="text-right">
                  <ActionButton action={add} fields={{ trainingId, memberId: row.memberId }} size="small" label={t("addLabel", { name: row.name })}>
                    {t("add")}
                  </ActionButton>
                </Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Card>
  );
}
