"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import { RETENTION_DEFAULTS, RETENTION_LIMITS, type RetentionPeriods } from "@/lib/privacy/retention-periods";

/** The city admin sets how long the audit log and import reports are kept. */
export function RetentionForm({
  action,
  periods,
  version,
}: {
  action: FormAction<{ retention: RetentionPeriods }>;
  periods: RetentionPeriods;
  /** The setting's version (0 while the city keeps the defaults): a save over a newer one is refused. */
  version: number;
}) {
  const t = useTranslations("Privacy");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action);
  const hint = (field: keyof RetentionPeriods) => ({ ...RETENTION_LIMITS[field], default: RETENTION_DEFAULTS[field] });
  return (
    <form key={version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <VersionField version={version} />
      {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2">
        <Field
          id="retention-audit"
          name="auditMonths"
          type="number"
          inputMode="numeric"
          label={t("retention.auditMonths")}
          hint={t("retention.auditMonthsHint", hint("auditMonths"))}
          defaultValue={periods.auditMonths}
          min={RETENTION_LIMITS.auditMonths.min}
          max={RETENTION_LIMITS.auditMonths.max}
          required
          error={fieldError("auditMonths")}
        />
        <Field
          id="retention-import"
          name="importReportDays"
          type="number"
          inputMode="numeric"
          label={t("retention.importReportDays")}
          hint={t("retention.importReportDaysHint", hint("importReportDays"))}
          defaultValue={periods.importReportDays}
          min={RETENTION_LIMITS.importReportDays.min}
          max={RETENTION_LIMITS.importReportDays.max}
          required
          error={fieldError("importReportDays")}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("retention.saving") : t("retention.save")}
      </Button>
    </form>
  );
}
