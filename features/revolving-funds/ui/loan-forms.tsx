"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import { RupiahField } from "@/components/ui/rupiah-field";
import { TextareaField } from "@/components/ui/textarea-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { ActionForm } from "./action-form";
import { revolvingFundsRoutes } from "@/features/revolving-funds/routes";

export type ChosenMember = { id: string; name: string; maskedNik: string; household: string };

/** A loan application: a registry member already chosen, or a resident by NIK and name. */
export function LoanForm({
  action,
  fundId,
  member,
  maxTenorMonths,
  tenantSlug,
}: {
  action: FormAction<{ loanId: string }>;
  /** The city, for the new loan's page. */
  tenantSlug: string;
  fundId: string;
  member: ChosenMember | null;
  maxTenorMonths: number;
}) {
  const t = useTranslations("RevolvingFunds.loanForm");
  const [override, setOverride] = useState(false);
  return (
    <ActionForm
      action={action}
      hidden={member ? { fundId, memberId: member.id } : { fundId }}
      resetOnSuccess={false}
      successHref={(result) => revolvingFundsRoutes.loan(tenantSlug, result.loanId)}
      submitLabel={t("submit")}
      pendingLabel={t("saving")}
      errorSummary={t("errorSummary")}
    >
      {(fieldError) => (
        <>
          {member ? (
            <p className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900">
              {t("memberChosen", { name: member.name, nik: member.maskedNik, household: member.household })}
            </p>
          ) : (
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <Field
                id="loan-nik"
                name="borrowerNik"
                label={t("nik")}
                hint={t("nikHint")}
                inputMode="numeric"
                maxLength={16}
                autoComplete="off"
                error={fieldError("borrowerNik")}
              />
              <Field id="loan-name" name="borrowerName" label={t("name")} autoComplete="off" error={fieldError("borrowerName")} />
            </div>
          )}
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Field id="loan-business" name="businessType" label={t("businessType")} hint={t("businessHint")} error={fieldError("businessType")} />
            <RupiahField
              id="loan-principal"
              name="principal"
              label={t("principal")}
              error={fieldError("principal")}
              preview={(amount) => `= ${amount}`}
              example={t("principalExample")}
            />
            <Field
              id="loan-tenor"
              name="tenorMonths"
              label={t("tenor", { max: maxTenorMonths })}
              inputMode="numeric"
              defaultValue="10"
              error={fieldError("tenorMonths")}
            />
            <label className="flex min-h-11 items-center gap-2 self-end text-sm text-ink">
              <input type="checkbox" name="newRound" className="size-4" /> {t("newRound")}
            </label>
          </div>
          <TextareaField id="loan-purpose" name="purpose" label={t("purpose")} rows={2} error={fieldError("purpose")} />
          <fieldset className="rounded-md border border-line p-3">
            <legend className="px-1 text-sm font-medium text-ink">{t("overrideLegend")}</legend>
            <label className="flex items-center gap-2 text-sm text-ink">
              <input
                type="checkbox"
                name="override"
                className="size-4"
                checked={override}
                onChange={(event) => setOverride(event.target.checked)}
                aria-invalid={fieldError("override") ? true : undefined}
                aria-describedby={fieldError("override") ? "loan-override-error" : undefined}
              />
              {t("override")}
            </label>
            {fieldError("override") ? (
              <p id="loan-override-error" className="mt-1 text-sm text-red-800">
                {fieldError("override")}
              </p>
            ) : null}
            {override ? (
              <TextareaField
                id="loan-override-reason"
                name="overrideReason"
                label={t("overrideReason")}
                rows={2}
                error={fieldError("overrideReason")}
                className="mt-3"
              />
            ) : null}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

/** Approval by the signed-in user, who is named on the loan; nothing is typed. */
export function ApproveForm({ action, loanId, approverName }: { action: FormAction<unknown>; loanId: string; approverName: string }) {
  const t = useTranslations("RevolvingFunds.approveForm");
  return (
    <ActionForm action={action} hidden={{ loanId }} submitLabel={t("submit")} pendingLabel={t("saving")} errorSummary={t("errorSummary")}>
      {() => <p className="text-sm text-ink">{t("as", { name: approverName })}</p>}
    </ActionForm>
  );
}

export function DisburseForm({ action, loanId, today }: { action: FormAction<unknown>; loanId: string; today: string }) {
  const t = useTranslations("RevolvingFunds.disburseForm");
  return (
    <ActionForm action={action} hidden={{ loanId }} submitLabel={t("submit")} pendingLabel={t("saving")} errorSummary={t("errorSummary")}>
      {(fieldError) => (
        <DateField
          id="disburse-date"
          name="disbursedAt"
          max={today}
          defaultValue={today}
          label={t("date")}
          hint={t("hint")}
          error={fieldError("disbursedAt")}
        />
      )}
    </ActionForm>
  );
}

export function RepaymentForm({ action, loanId, today, suggested }: { action: FormAction<unknown>; loanId: string; today: string; suggested: string }) {
  const t = useTranslations("RevolvingFunds.repaymentForm");
  const errors = useTranslations("RevolvingFunds.errors");
  return (
    <ActionForm action={action} hidden={{ loanId }} submitLabel={t("submit")} pendingLabel={t("saving")} errorSummary={t("errorSummary")}>
      {(fieldError, failureCode) => (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <RupiahField
            id="repay-amount"
            name="amount"
            label={t("amount")}
            hint={t("amountHint", { amount: suggested })}
            error={fieldError("amount")}
            preview={(amount) => `= ${amount}`}
          />
          <DateField id="repay-date" name="paidAt" max={today} defaultValue={today} label={t("paidAt")} error={fieldError("paidAt")} />
          <Field
            id="repay-receipt"
            name="receiptNo"
            label={t("receiptNo")}
            hint={t("receiptHint")}
            error={failureCode === "NUMBER_TAKEN" ? errors("receiptTaken") : fieldError("receiptNo")}
          />
          <Field id="repay-note" name="note" label={t("note")} error={fieldError("note")} />
        </div>
      )}
    </ActionForm>
  );
}

export function WriteOffForm({ action, loanId }: { action: FormAction<unknown>; loanId: string }) {
  const t = useTranslations("RevolvingFunds.writeOffForm");
  return (
    <ActionForm action={action} hidden={{ loanId }} submitLabel={t("submit")} pendingLabel={t("saving")} errorSummary={t("errorSummary")}>
      {(fieldError) => (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextareaField id="writeoff-reason" name="reason" label={t("reason")} rows={2} error={fieldError("reason")} />
          <Field id="writeoff-approver" name="approver" label={t("approver")} hint={t("approverHint")} error={fieldError("approver")} />
        </div>
      )}
    </ActionForm>
  );
}
