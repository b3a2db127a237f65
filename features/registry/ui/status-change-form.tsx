"use client";

import { useTranslations } from "next-intl";
import { DateField } from "@/components/ui/date-field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { StatusTransition } from "@/features/registry/status/transitions";

export type StatusFieldsProps = {
  transitions: { value: StatusTransition; label: string }[];
  today: string;
  /** The last recorded change: a new one may not be dated before it. */
  minDate?: string;
  currentDesil: number | null;
  fieldError: (name: string) => string | undefined;
  idPrefix: string;
};

/** The fields of a status change, shared by Bapeda's form and a kelurahan's proposal. */
export function StatusFields({ transitions, today, minDate, currentDesil, fieldError, idPrefix }: StatusFieldsProps) {
  const t = useTranslations("Household.status");
  return (
    <>
      <SelectField id={`${idPrefix}-transition`} name="transition" label={t("transition")} defaultValue="" required error={fieldError("transition")}>
        <option value="" disabled>
          {t("choose")}
        </option>
        {transitions.map((transition) => (
          <option key={transition.value} value={transition.value}>
            {transition.label}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <DateField
          id={`${idPrefix}-date`}
          name="effectiveDate"
          label={t("effectiveDate")}
          defaultValue={today}
          max={today}
          min={minDate}
          required
          error={fieldError("effectiveDate")}
        />
        <SelectField id={`${idPrefix}-desil`} name="desil" label={t("newDesil")} hint={t("newDesilHint")} defaultValue="" error={fieldError("desil")}>
          <option value="">{currentDesil === null ? t("keepDesilUnknown") : t("keepDesil", { desil: currentDesil })}</option>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((desil) => (
            <option key={desil} value={desil}>
              {desil}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-reason`} className="block text-sm font-medium text-ink">
          {t("reason")}
        </label>
        <p id={`${idPrefix}-reason-hint`} className="mt-0.5 text-sm text-muted">
          {t("reasonHint")}
        </p>
        <textarea
          id={`${idPrefix}-reason`}
          name="reason"
          rows={3}
          maxLength={500}
          required
          aria-invalid={fieldError("reason") ? true : undefined}
          aria-describedby={`${idPrefix}-reason-hint${fieldError("reason") ? ` ${idPrefix}-reason-error` : ""}`}
          className="mt-1 block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-xs focus-visible:border-brand-500 aria-invalid:border-red-700"
        />
        {fieldError("reason") ? (
          <p id={`${idPrefix}-reason-error`} className="mt-1 text-sm font-medium text-red-800">
            {fieldError("reason")}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** Bapeda records a status change directly; it lands in the history at once. */
export function StatusChangeForm({
  action,
  householdId,
  ...fields
}: Omit<StatusFieldsProps, "fieldError" | "idPrefix"> & { action: FormAction<unknown>; householdId: string }) {
  const t = useTranslations("Household.status");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action, { resetOnSuccess: true });
  if (fields.transitions.length === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      <input type="hidden" name="householdId" value={householdId} />
      <StatusFields {...fields} fieldError={fieldError} idPrefix="status" />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
