"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/textarea-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** Reverses a verified entry: a new negative draft with the reason. */
export function ReversalForm({
  action,
  realisationId,
  doneHref,
}: {
  action: FormAction<{ realisationId: string }>;
  realisationId: string;
  doneHref: string;
}) {
  const t = useTranslations("Budget.reverse");
  const router = useRouter();
  // Leave the reversal view as the action answers: the refreshed page no longer offers it.
  const { pending, formRef, onSubmit, fieldError, formError } = useActionForm<{ realisationId: string }>(async (previous, data) => {
    const result = await action(previous, data);
    if (result.ok) router.replace(doneHref);
    return result;
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <input type="hidden" name="realisationId" value={realisationId} />
      <TextareaField
        id={`reverse-${realisationId}-note`}
        name="note"
        label={t("reason")}
        placeholder={t("reasonPlaceholder")}
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
