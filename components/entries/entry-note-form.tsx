"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/textarea-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

export type EntryNoteWords = { label: string; placeholder: string; submit: string; cancel: string };

/**
 * One entry and a note about it, sent to an action (a head's return, a clerk's reversal);
 * `idName` is the field the action reads the entry's id from. Leaves for `doneHref` as the
 * action answers: the refreshed page no longer offers the form.
 */
export function EntryNoteForm<Result>({
  action,
  entryId,
  idName,
  idPrefix,
  doneHref,
  words,
  maxLength,
  autoFocus = false,
}: {
  action: FormAction<Result>;
  entryId: string;
  idName: string;
  idPrefix: string;
  doneHref: string;
  words: EntryNoteWords;
  maxLength: number;
  autoFocus?: boolean;
}) {
  const router = useRouter();
  const { pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(async (previous, data) => {
    const result = await action(previous, data);
    if (result.ok) router.replace(doneHref);
    return result;
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <input type="hidden" name={idName} value={entryId} />
      <TextareaField
        id={`${idPrefix}-${entryId}-note`}
        name="note"
        label={words.label}
        placeholder={words.placeholder}
        required
        autoFocus={autoFocus}
        maxLength={maxLength}
        error={fieldError("note")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {words.submit}
        </Button>
        <Link href={doneHref} className={buttonClassName("secondary")}>
          {words.cancel}
        </Link>
      </div>
    </form>
  );
}
