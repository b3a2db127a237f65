import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReturnedBadge, ReturnedNote } from "@/components/entries/returned-note";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { FormAction } from "@/components/ui/use-action-form";
import { monthName } from "@/lib/calendar/months";
import type { LineEntry } from "@/features/budget/queries";
import { deleteProblem, editProblem, reversalProblem } from "@/lib/entries/rules";
import { formatDateShort, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { withQuery } from "@/lib/paths";

/**
 * A line's entries with their state: drafts (edit, delete, verify), verified entries
 * (reverse, once) and reversals, each with who entered and who verified it.
 */
export async function EntriesTable({
  entries,
  path,
  timeZone,
  canWrite,
  canVerify,
  deleteAction,
  verifyAction,
}: {
  entries: readonly LineEntry[];
  /** The line's page; edit and reverse open on it with ?ubah= / ?balik=. */
  path: string;
  timeZone: string;
  canWrite: boolean;
  canVerify: boolean;
  deleteAction: FormAction<unknown>;
  verifyAction: FormAction<unknown>;
}) {
  const [t, te, locale] = await Promise.all([getTranslations("Budget"), getTranslations("Entries"), getLocale() as Promise<AppLocale>]);
  const monthOf = new Map(entries.map((entry) => [entry.id, entry.month]));
  // Name above date; imported or seeded entries have no author, only the date.
  const byAt = (name: string | null, date: Date | null) =>
    date ? (
      <>
        {name ? <span className="block">{name}</span> : null}
        <span className="block whitespace-nowrap">{formatDateShort(date, { locale, timeZone })}</span>
      </>
    ) : (
      "–"
    );

  return (
    <Table label={t("line.entriesLabel")}>
      <TableHead>
        <tr>
          <HeaderCell>{t("entryColumns.month")}</HeaderCell>
          <HeaderCell numeric>{t("entryColumns.amount")}</HeaderCell>
          <HeaderCell>{t("entryColumns.referenceNo")}</HeaderCell>
          <HeaderCell>{t("entryColumns.status")}</HeaderCell>
          <HeaderCell>{t("entryColumns.note")}</HeaderCell>
          <HeaderCell>{t("entryColumns.enteredBy")}</HeaderCell>
          <HeaderCell>{t("entryColumns.verifiedBy")}</HeaderCell>
          <HeaderCell>
            <span className="sr-only">{t("entryColumns.actions")}</span>
          </HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {entries.map((entry) => {
          const month = monthName(entry.month, locale);
          const amount = formatRupiah(entry.amount, { locale });
          const labels = { month, amount };
          const reversedMonth = entry.reversesId ? monthOf.get(entry.reversesId) : undefined;
          return (
            <Row key={entry.id}>
              <RowHeaderCell className="whitespace-nowrap">{month}</RowHeaderCell>
              <Cell numeric className={entry.amount < 0n ? "text-red-800" : undefined}>
                {amount}
              </Cell>
              <Cell className="whitespace-nowrap">{entry.referenceNo ?? "–"}</Cell>
              <Cell>
                <span className="flex flex-wrap gap-1">
                  <Badge tone={entry.status === "VERIFIED" ? "positive" : "neutral"}>{t(`status.${entry.status}`)}</Badge>
                  <ReturnedBadge entry={entry} />
                  {entry.reversesId ? <Badge tone="muted">{t("status.reversal")}</Badge> : null}
                  {entry.reversal ? (
                    <Badge tone="muted">{entry.reversal.status === "VERIFIED" ? t("status.reversed") : t("status.reversalPending")}</Badge>
                  ) : null}
                </span>
              </Cell>
              <Cell className="max-w-64 text-muted">
                <ReturnedNote entry={entry} timeZone={timeZone} />
                {entry.note}
                {reversedMonth ? <span className="block text-xs">{t("line.reverseOf", { month: monthName(reversedMonth, locale) })}</span> : null}
              </Cell>
              <Cell className="text-muted">{byAt(entry.createdByName, entry.createdAt)}</Cell>
              <Cell className="text-muted">{entry.status === "VERIFIED" ? byAt(entry.verifiedByName, entry.verifiedAt) : "–"}</Cell>
              <Cell>
                <span className="flex items-start justify-end gap-1 whitespace-nowrap">
                  {canVerify && entry.status === "DRAFT" ? (
                    <ActionButton action={verifyAction} fields={{ ids: entry.id }} variant="link" label={t("actions.verifyLabel", labels)}>
                      {t("pending.verifyOne")}
                    </ActionButton>
                  ) : null}
                  {canVerify && entry.status === "DRAFT" ? (
                    <Link
                      href={`${withQuery(path, { kembalikan: entry.id })}#catat`}
                      aria-label={te("return.actionLabel", { what: `${month} ${amount}` })}
                      className="inline-flex min-h-9 items-center px-1.5 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {te("return.action")}
                    </Link>
                  ) : null}
                  {canWrite && !editProblem(entry) ? (
                    <Link
                      href={`${withQuery(path, { ubah: entry.id })}#catat`}
                      aria-label={t("actions.editLabel", labels)}
                      className="inline-flex min-h-9 items-center px-1.5 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t("actions.edit")}
                    </Link>
                  ) : null}
                  {canWrite && !deleteProblem(entry) ? (
                    <ActionButton
                      action={deleteAction}
                      fields={{ realisationId: entry.id }}
                      variant="dangerLink"
                      confirm={t("actions.confirmDelete")}
                      label={t("actions.deleteLabel", labels)}
                    >
                      {t("actions.delete")}
                    </ActionButton>
                  ) : null}
                  {canWrite && !reversalProblem(entry, entry.reversal !== null) ? (
                    <Link
                      href={`${withQuery(path, { balik: entry.id })}#catat`}
                      aria-label={t("actions.reverseLabel", labels)}
                      className="inline-flex min-h-9 items-center px-1.5 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t("actions.reverse")}
                    </Link>
                  ) : null}
                </span>
              </Cell>
            </Row>
          );
        })}
      </TableBody>
    </Table>
  );
}
