"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { FormAction } from "@/components/ui/use-action-form";
import { VerifyTable, type VerifyResult } from "@/components/ui/verify-table";

/** A distribution as the table shows it: every text already formatted, numbers masked. */
export type DistributionTableRow = {
  id: string;
  href: string;
  date: string;
  kind: string;
  items: string;
  value: string;
  recipient: string;
  recipientDetail: string;
  programme: string;
  opd: string | null;
  status: "DRAFT" | "VERIFIED";
  isReversal: boolean;
  /** The head's note while the draft is back with the clerk. */
  returnNote: string | null;
  reversed: boolean;
  duplicateAcknowledged: boolean;
};

/**
 * Distributions in a table. With `verifyAction` (the OPD head, on drafts) each row has a box
 * and its own button, and the ticked ones are verified together.
 */
export function DistributionTable({
  rows,
  label,
  verifyAction,
}: {
  rows: readonly DistributionTableRow[];
  label: string;
  verifyAction?: FormAction<VerifyResult>;
}) {
  const t = useTranslations("Aid");
  const te = useTranslations("Entries");
  const showOpd = rows.some((row) => row.opd);

  return (
    <VerifyTable
      label={label}
      action={verifyAction}
      // The row's own button comes first: on a phone the table scrolls sideways and the end is out of reach.
      rowButton="start"
      text={{
        empty: t("list.none"),
        selectAll: () => t("verify.selectAll"),
        verifySelected: (count) => t("verify.selected", { count }),
        verifying: t("verify.verifying"),
        verifyOne: t("verify.one"),
        done: (count) => t("verify.done", { count }),
        already: (count) => t("verify.already", { count }),
        boxColumn: t("columns.actions"),
      }}
      columns={[
        { label: t("columns.date"), className: "whitespace-nowrap" },
        { label: t("columns.recipient") },
        { label: t("columns.aid"), className: "max-w-64" },
        { label: t("columns.value"), numeric: true },
        { label: t("columns.programme") },
        { label: t("columns.status") },
      ]}
      rows={rows.map((row) => ({
        id: row.id,
        selectable: row.status === "DRAFT",
        selectLabel: t("verify.select", { recipient: row.recipient, date: row.date }),
        verifyLabel: t("verify.oneLabel", { recipient: row.recipient, date: row.date }),
        cells: [
          <Link key="date" href={row.href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
            {row.date}
          </Link>,
          <>
            {row.recipient}
            <span className="block font-mono text-xs text-muted">{row.recipientDetail}</span>
          </>,
          <>
            {row.kind}
            <span className="block text-xs text-muted">{row.items}</span>
          </>,
          row.value,
          <>
            {row.programme}
            {showOpd && row.opd ? <span className="block text-xs text-muted">{row.opd}</span> : null}
          </>,
          <span key="status" className="flex flex-wrap gap-1">
            <Badge tone={row.status === "VERIFIED" ? "positive" : "neutral"}>{t(`status.${row.status}`)}</Badge>
            {row.returnNote ? <Badge tone="warning">{te("returned")}</Badge> : null}
            {row.returnNote ? <span className="block w-full text-xs text-amber-900">{row.returnNote}</span> : null}
            {row.isReversal ? <Badge tone="muted">{t("status.reversal")}</Badge> : null}
            {row.reversed ? <Badge tone="muted">{t("status.reversed")}</Badge> : null}
            {row.duplicateAcknowledged ? <Badge tone="muted">{t("status.duplicateAcknowledged")}</Badge> : null}
          </span>,
        ],
      }))}
    />
  );
}
