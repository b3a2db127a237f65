"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import type { AreaChoice } from "./statistic-form";

const INDICATORS = ["POVERTY_RATE", "EXTREME_POVERTY_RATE", "POOR_PEOPLE", "EXTREME_POOR_PEOPLE", "EXTREME_POOR_HOUSEHOLDS"] as const;

export type TargetDefaults = { indicator: string; areaId: string | null; year: number; value: string; note: string; version: number };

/** A new target of the city or a kecamatan, or changes to the one shown (`target`, from its edit link). */
export function TargetForm({ action, areas, target }: { action: FormAction<{ targetId: string }>; areas: readonly AreaChoice[]; target?: TargetDefaults }) {
  const t = useTranslations("Statistics");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action, { resetOnSuccess: !target });
  return (
    <form key={target ? `${target.indicator}-${target.year}-${target.version}` : "new"} ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <VersionField version={target?.version ?? 0} />
      {state?.ok ? <FormNotice>{state.message}</FormNotice> : null}
      {formError && !state?.ok && !Object.keys(state?.fieldErrors ?? {}).length ? <FormAlert>{formError}</FormAlert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField id="target-indicator" name="indicator" label={t("targetForm.indicator")} defaultValue={target?.indicator} error={fieldError("indicator")}>
          {INDICATORS.map((indicator) => (
            <option key={indicator} value={indicator}>
              {t(`indicators.${indicator}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="target-area" name="areaId" label={t("form.area")} defaultValue={target?.areaId ?? ""} error={fieldError("areaId")}>
          <option value="">{t("city")}</option>
          {areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </SelectField>
        <Field id="target-year" name="year" label={t("targetForm.year")} inputMode="numeric" defaultValue={target?.year} error={fieldError("year")} />
        <Field
          id="target-value"
          name="value"
          label={t("targetForm.value")}
          inputMode="decimal"
          hint={t("form.decimalHint")}
          defaultValue={target?.value}
          error={fieldError("value")}
        />
      </div>
      <Field id="target-note" name="note" label={t("targetForm.note")} defaultValue={target?.note} error={fieldError("note")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("form.saving") : t("targetForm.save")}
      </Button>
    </form>
  );
}
