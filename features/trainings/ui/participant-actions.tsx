"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Result = { participantId: string };

const INPUT = "min-h-9 w-40 rounded-md border border-line bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600";
const BUTTON =
  "inline-flex min-h-9 items-center rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60";

/** Completion of one participant, with the certificate number when there is one. */
export function CompleteForm({ participantId, name, action }: { participantId: string; name: string; action: FormAction<Result> }) {
  const t = useTranslations("Trainings.participants");
  const { pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(action);
  const error = fieldError("certificateNo") ?? formError;
  const errorId = `complete-${participantId}-error`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" aria-busy={pending || undefined}>
      <input type="hidden" name="participantId" value={participantId} />
      <input
        name="certificateNo"
        placeholder={t("certificatePlaceholder")}
        aria-label={t("certificateFor", { name })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        maxLength={60}
        autoComplete="off"
        className={INPUT}
      />
      <button type="submit" disabled={pending} className={BUTTON} aria-label={t("completeFor", { name })}>
        {t("complete")}
      </button>
      {error ? (
        <p id={errorId} role="alert" className="w-full text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Something undone with a recorded reason (a withdrawal, a cancellation): the record stays. */
export function ReasonForm<R>({
  id,
  fields,
  action,
  summary,
  label,
  placeholder,
  submit,
}: {
  id: string;
  fields: Record<string, string>;
  action: FormAction<R>;
  summary: string;
  label: string;
  placeholder: string;
  submit: string;
}) {
  const { pending, formRef, onSubmit, fieldError, formError } = useActionForm<R>(action);
  const error = fieldError("reason") ?? formError;
  const errorId = `${id}-error`;
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-9 cursor-pointer items-center px-1.5 font-medium text-red-800 underline-offset-2 hover:underline">
        {summary}
      </summary>
      <form ref={formRef} onSubmit={onSubmit} className="mt-1 flex flex-wrap items-start gap-2" aria-busy={pending || undefined}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input
          name="reason"
          placeholder={placeholder}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          maxLength={500}
          className={`${INPUT} w-56`}
        />
        <button type="submit" disabled={pending} className={BUTTON}>
          {submit}
        </button>
        {error ? (
          <p id={errorId} role="alert" className="w-full text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </form>
    </details>
  );
}

/** Withdrawal of a participant with a reason: the record stays, it stops counting. */
export function WithdrawForm({ participantId, name, action }: { participantId: string; name: string; action: FormAction<Result> }) {
  const t = useTranslations("Trainings.participants");
  return (
    <ReasonForm
      id={`withdraw-${participantId}`}
      fields={{ participantId }}
      action={action}
      summary={t("withdraw")}
      label={t("reasonFor", { name })}
      placeholder={t("reasonPlaceholder")}
      submit={t("withdrawConfirm")}
    />
  );
}

/** Removing a draft participant (entered by mistake). */
export function RemoveButton({ participantId, name, action }: { participantId: string; name: string; action: FormAction<Result> }) {
  const t = useTranslations("Trainings.participants");
  return (
    <ActionButton action={action} fields={{ participantId }} variant="dangerLink" label={t("removeFor", { name })} confirm={t("removeConfirm", { name })}>
      {t("remove")}
    </ActionButton>
  );
}
