"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FormAction } from "@/components/ui/use-action-form";
import { VerifyTable, type VerifyResult, type VerifyTableColumn } from "@/components/ui/verify-table";

export type TrainingVerifyRow = {
  id: string;
  /** Names the row for screen readers ("Pilih Menjahit, 4 Mar 2024"). */
  label: string;
  /** A draft the head may verify. */
  selectable: boolean;
  cells: ReactNode[];
};

/** Trainings or participants inside a Card, with the trainings' words for verifying. */
export function TrainingVerifyTable({
  label,
  columns,
  rows,
  action,
  empty,
}: {
  label: string;
  columns: readonly VerifyTableColumn[];
  rows: readonly TrainingVerifyRow[];
  /** Present for the OPD head only. */
  action?: FormAction<VerifyResult>;
  empty: string;
}) {
  const t = useTranslations("Trainings.verify");
  return (
    <VerifyTable
      label={label}
      columns={columns}
      action={action}
      framed={false}
      alignTop
      text={{
        empty,
        selectAll: (count) => t("selectAll", { count }),
        verifySelected: (count) => t("verifySelected", { count }),
        verifying: t("verifying"),
        verifyOne: t("verifyOne"),
        done: (count) => t("done", { count }),
        already: (count) => t("already", { count }),
        boxColumn: t("select"),
        buttonColumn: t("verifyColumn"),
      }}
      rows={rows.map((row) => ({
        id: row.id,
        selectable: row.selectable,
        selectLabel: t("selectRow", { label: row.label }),
        verifyLabel: t("verifyRow", { label: row.label }),
        cells: row.cells,
      }))}
    />
  );
}
