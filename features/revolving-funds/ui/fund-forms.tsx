"use client";

import { useTranslations } from "next-intl";
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import { RupiahField } from "@/components/ui/rupiah-field";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { ActionForm } from "./action-form";

export type FundRules = { lpmName: string; maxLoan: string; maxTenorMonths: number; serviceFeePercent: string; graceMonths: number; version: number };

/** A new fund for a year, or the rules of an existing one. */
export function FundRulesForm({
  action,
  fundId,
  year,
  rules,
}: {
  action: FormAction<unknown>;
  fundId?: string;
  /** Proposed year of a new fund. */
  year?: number;
  rules?: FundRules;
}) {
  const t = useTranslations("RevolvingFunds.fundForm");
  const id = (name: string) => `fund-${fundId ?? "new"}-${name}`;
  return (
    <ActionForm
      action={action}
      hidden={fundId ? { fundId } : undefined}
      version={rules?.version}
      resetOnSuccess={false}
      submitLabel={fundId ? t("save") : t("create")}
      pendingLabel={t("saving")}
      errorSummary={t("errorSummary")}
    >
      {(fieldError) => (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          {fundId ? null : (
            <Field id={id("year")} name="year" label={t("year")} inputMode="numeric" defaultValue={year ? String(year) : ""} error={fieldError("year")} />
          )}
          <Field
            id={id("lpm")}
            name="lpmName"
            label={t("lpmName")}
            defaultValue={rules?.lpmName ?? ""}
            error={fieldError("lpmName")}
            className="md:col-span-2"
          />
          <RupiahField
            id={id("max")}
            name="maxLoan"
            label={t("maxLoan")}
            defaultValue={rules?.maxLoan ?? ""}
            error={fieldError("maxLoan")}
            preview={(amount) => `= ${amount}`}
            example={t("maxLoanExample")}
          />
          <Field
            id={id("tenor")}
            name="maxTenorMonths"
            label={t("maxTenor")}
            inputMode="numeric"
            defaultValue={String(rules?.maxTenorMonths ?? 12)}
            error={fieldError("maxTenorMonths")}
          />
          <Field
            id={id("fee")}
            name="serviceFeeBps"
            label={t("fee")}
            hint={t("feeHint")}
            inputMode="decimal"
            defaultValue={rules?.serviceFeePercent ?? "0"}
            error={fieldError("serviceFeeBps")}
          />
          <Field
            id={id("grace")}
            name="graceMonths"
            label={t("grace")}
            inputMode="numeric"
            defaultValue={String(rules?.graceMonths ?? 0)}
            error={fieldError("graceMonths")}
          />
        </div>
      )}
    </ActionForm>
  );
}

const SOURCES = ["APBD", "FISCAL_INCENTIVE", "DAK", "CSR", "OTHER"] as const;

export function CapitalForm({ action, fundId, today }: { action: FormAction<unknown>; fundId: string; today: string }) {
  const t = useTranslations("RevolvingFunds.capitalForm");
  const ts = useTranslations("RevolvingFunds.sources");
  return (
    <ActionForm action={action} hidden={{ fundId }} submitLabel={t("submit")} pendingLabel={t("saving")} errorSummary={t("errorSummary")}>
      {(fieldError) => (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-4">
          <RupiahField
            id="capital-amount"
            name="amount"
            label={t("amount")}
            error={fieldError("amount")}
            preview={(amount) => `= ${amount}`}
            example={t("amountExample")}
          />
          <SelectField id="capital-source" name="source" label={t("source")} defaultValue="APBD" error={fieldError("source")}>
            {SOURCES.map((source) => (
              <option key={source} value={source}>
                {ts(source)}
              </option>
            ))}
          </SelectField>
          <DateField id="capital-date" name="receivedAt" label={t("receivedAt")} max={today} defaultValue={today} error={fieldError("receivedAt")} />
          <Field id="capital-note" name="note" label={t("note")} error={fieldError("note")} />
        </div>
      )}
    </ActionForm>
  );
}
