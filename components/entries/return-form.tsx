"use client";

import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/ui/use-action-form";
import { RETURN_NOTE_MAX } from "@/lib/entries/return-note";
import { EntryNoteForm } from "./entry-note-form";

/** The head returns a draft with a note; `idName` is the field the kind's action reads the id from. */
export function ReturnForm<Result>({
  action,
  entryId,
  idName,
  doneHref,
  autoFocus = false,
}: {
  action: FormAction<Result>;
  entryId: string;
  idName: string;
  doneHref: string;
  /** Only where the head opened the form on purpose. */
  autoFocus?: boolean;
}) {
  const t = useTranslations("Entries.return");
  return (
    <EntryNoteForm
      action={action}
      entryId={entryId}
      idName={idName}
      idPrefix="return"
      doneHref={doneHref}
      words={{ label: t("note"), placeholder: t("notePlaceholder"), submit: t("submit"), cancel: t("cancel") }}
      maxLength={RETURN_NOTE_MAX}
      autoFocus={autoFocus}
    />
  );
}
