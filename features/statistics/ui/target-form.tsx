"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { AreaChoice } from "./statistic-form";

const INDICATORS = ["POVERTY_RATE", "EXTREME_POVERTY_RATE", "POOR_PEOPLE", "EXTREME_POOR_PEOPLE", "EXTREME_POOR_HOUSEHOLDS"] as const;

/** A target of the city or a kecamatan; saving an existing indicator and year replaces it. */
export function TargetForm({ action, areas }: { action: FormAction<{ targetId: string }>; areas: readonly AreaChoice[] }) {
  const t = useTranslations("Statistics");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      {state?.ok ? <FormNotice>{state.message}</FormNotice> : null}
      {formError && !state?.ok && !Object.keys(state?.fieldErrors ?? {}).length ? <FormAlert>{formError}</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField id="target-indicator" name="indicator" label={t("targetForm.indicator")} error={fieldError("indicator")}>
          {INDICATORS.map((indicator) => (
            <option key={indicator} value={indicator}>
              {t(`indicators.${indicator}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="target-area" name="areaId" label={t("form.area")} error={fieldError("areaId")}>
          <option value="">{t("city")}</option>
          {areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </SelectField>
        <Field id="target-year" name="year" label={t("targetForm.year")} inputMode="numeric" error={fieldError("year")} />
        <Field id="target-value" name="value" label={t("targetForm.value")} inputMode="decimal" hint={t("form.decimalHint")} error={fieldError("value")} />
      </div>
      <Field id="target-note" name="note" label={t("targetForm.note")} error={fieldError("note")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("form.saving") : t("targetForm.save")}
      </Button>
    </form>
  );
}
