"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { FormAction } from "@/components/ui/use-action-form";
import { VerifyTable, type VerifyResult } from "@/components/ui/verify-table";

export type PendingRow = {
  id: string;
  month: string;
  amount: string;
  isReversal: boolean;
  programme: string;
  line: string;
  href: string;
  opd: string | null;
  referenceNo: string | null;
  note: string | null;
  /** The head's note while the draft is back with the clerk. */
  returnNote: string | null;
  entered: string;
};

/**
 * Drafts awaiting the OPD head. The head ticks several and verifies them together, or
 * verifies one with its row's button; everyone else sees the list read-only.
 */
export function PendingEntries({ rows, canVerify, action }: { rows: readonly PendingRow[]; canVerify: boolean; action?: FormAction<VerifyResult> }) {
  const t = useTranslations("Budget");
  const te = useTranslations("Entries");
  const showOpd = rows.some((row) => row.opd);

  return (
    <VerifyTable
      label={t("pending.label")}
      action={canVerify ? action : undefined}
      text={{
        empty: t("pending.none"),
        selectAll: () => t("pending.selectAll"),
        verifySelected: (count) => t("pending.verifySelected", { count }),
        verifying: t("pending.verifying"),
        verifyOne: t("pending.verifyOne"),
        done: (count) => t("pending.verified", { count }),
        already: (count) => t("pending.alreadyVerified", { count }),
        boxColumn: t("pending.selectAll"),
        buttonColumn: t("entryColumns.actions"),
      }}
      columns={[
        { label: t("entryColumns.month"), className: "whitespace-nowrap" },
        { label: t("columns.line") },
        { label: t("entryColumns.amount"), numeric: true },
        { label: t("entryColumns.referenceNo"), className: "whitespace-nowrap" },
        { label: t("entryColumns.note"), className: "max-w-56 text-muted" },
        { label: t("entryColumns.enteredBy"), className: "text-muted" },
      ]}
      rows={rows.map((row) => ({
        id: row.id,
        // Every row here is a draft.
        selectable: true,
        selectLabel: t("pending.select", { month: row.month, amount: row.amount }),
        verifyLabel: t("actions.verifyLabel", { month: row.month, amount: row.amount }),
        cells: [
          row.month,
          <>
            <Link href={row.href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
              {row.programme}
            </Link>
            <span className="block text-xs text-muted">
              {showOpd && row.opd ? `${row.opd} · ` : ""}
              {row.line}
            </span>
          </>,
          <>
            {row.amount}
            {row.isReversal ? (
              <span className="mt-0.5 block">
                <Badge tone="muted">{t("status.reversal")}</Badge>
              </span>
            ) : null}
          </>,
          row.referenceNo ?? "–",
          <>
            {row.returnNote ? (
              <span className="block">
                <Badge tone="warning">{te("returned")}</Badge> <span className="font-medium text-amber-900">{row.returnNote}</span>
              </span>
            ) : null}
            {row.note}
          </>,
          row.entered,
        ],
      }))}
    />
  );
}
