"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/textarea-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { RETURN_NOTE_MAX } from "@/lib/entries/return-note";

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
        id={`return-${entryId}-note`}
        name="note"
        label={t("note")}
        placeholder={t("notePlaceholder")}
        required
        autoFocus={autoFocus}
        maxLength={RETURN_NOTE_MAX}
        error={fieldError("note")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
        <Link href={doneHref} className={buttonClassName("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
