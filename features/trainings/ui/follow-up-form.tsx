"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Result = { followUpId: string };

const CONTROL = "min-h-9 rounded-md border border-line bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600";

/** The outcome of one follow-up: opened a business, employed, or neither. */
export function FollowUpForm({
  followUpId,
  name,
  outcomes,
  action,
}: {
  followUpId: string;
  name: string;
  outcomes: readonly { value: string; label: string }[];
  action: FormAction<Result>;
}) {
  const t = useTranslations("Trainings.followUps");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(action);
  if (state?.ok)
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        {t("recorded")}
      </p>
    );
  const error = fieldError("outcome") ?? fieldError("note");
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" aria-busy={pending || undefined}>
      <input type="hidden" name="followUpId" value={followUpId} />
      <select name="outcome" defaultValue="" aria-label={t("outcomeFor", { name })} aria-invalid={error ? true : undefined} className={CONTROL}>
        <option value="" disabled>
          {t("outcomePlaceholder")}
        </option>
        {outcomes.map((outcome) => (
          <option key={outcome.value} value={outcome.value}>
            {outcome.label}
          </option>
        ))}
      </select>
      <input name="note" placeholder={t("notePlaceholder")} aria-label={t("noteFor", { name })} maxLength={500} className={`${CONTROL} w-48`} />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-9 items-center rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("save")}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm font-medium text-red-800">
          {error}
        </p>
      ) : formError ? (
        <FormAlert>{formError}</FormAlert>
      ) : null}
    </form>
  );
}
