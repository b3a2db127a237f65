"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/textarea-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

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
  const router = useRouter();
  // Leave the reversal view as the action answers: the refreshed page no longer offers it.
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
        id={`reverse-${entryId}-note`}
        name="note"
        label={t("reason")}
        placeholder={reasonPlaceholder ?? t("reasonPlaceholder")}
        required
        autoFocus
        maxLength={500}
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
