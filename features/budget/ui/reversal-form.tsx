"use client";

import { useTranslations } from "next-intl";
import { EntryNoteForm } from "@/components/entries/entry-note-form";
import type { FormAction } from "@/components/ui/use-action-form";

/**
 * Reverses a verified entry: a new negative draft with the reason. Budget realisation and aid
 * distributions share it; `idName` is the field the action reads the entry's id from.
 */
export function ReversalForm<Result>({
  action,
  entryId,
  idName = "realisationId",
  reasonPlaceholder,
  doneHref,
}: {
  action: FormAction<Result>;
  entryId: string;
  idName?: string;
  reasonPlaceholder?: string;
  doneHref: string;
}) {
  const t = useTranslations("Budget.reverse");
  return (
    <EntryNoteForm
      action={action}
      entryId={entryId}
      idName={idName}
      idPrefix="reverse"
      doneHref={doneHref}
      words={{ label: t("reason"), placeholder: reasonPlaceholder ?? t("reasonPlaceholder"), submit: t("submit"), cancel: t("cancel") }}
      maxLength={500}
      autoFocus
    />
  );
}
