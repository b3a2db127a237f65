"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";

export type AreaChoice = { id: string; name: string };

export type StatisticDefaults = {
  year: number;
  areaId: string | null;
  povertyRatePct: string;
  poorPeople: string;
  extremeRatePct: string;
  extremePoorPeople: string;
  p1: string;
  p2: string;
  /** As the reader writes Rupiah: "612.345" in Indonesian, "612,345" in English. */
  povertyLineRupiah: string;
  source: string;
  /** The version of the row being edited; none for a blank form (a save over a year that exists is then refused). */
  version?: number;
};

/** A year's official figures for the city or a kecamatan; an existing year is changed from its edit link. */
export function StatisticForm({
  action,
  areas,
  defaults,
}: {
  action: FormAction<{ statisticId: string }>;
  areas: readonly AreaChoice[];
  defaults: StatisticDefaults;
}) {
  const t = useTranslations("Statistics");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action);
  const key = `${defaults.year}-${defaults.areaId ?? ""}-${defaults.version ?? ""}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate key={key}>
      {state?.ok ? <FormNotice>{state.message}</FormNotice> : null}
      {formError && !state?.ok && !Object.keys(state?.fieldErrors ?? {}).length ? <FormAlert>{formError}</FormAlert> : null}
      <VersionField version={defaults.version ?? 0} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="stat-year" name="year" label={t("form.year")} inputMode="numeric" defaultValue={defaults.year} error={fieldError("year")} />
        <SelectField id="stat-area" name="areaId" label={t("form.area")} defaultValue={defaults.areaId ?? ""} error={fieldError("areaId")}>
          <option value="">{t("city")}</option>
          {areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </SelectField>
        <Field
          id="stat-rate"
          name="povertyRatePct"
          label={t("form.povertyRatePct")}
          inputMode="decimal"
          hint={t("form.decimalHint")}
          defaultValue={defaults.povertyRatePct}
          error={fieldError("povertyRatePct")}
        />
        <Field
          id="stat-poor"
          name="poorPeople"
          label={t("form.poorPeople")}
          inputMode="numeric"
          defaultValue={defaults.poorPeople}
          error={fieldError("poorPeople")}
        />
        <Field
          id="stat-extreme-rate"
          name="extremeRatePct"
          label={t("form.extremeRatePct")}
          inputMode="decimal"
          defaultValue={defaults.extremeRatePct}
          error={fieldError("extremeRatePct")}
        />
        <Field
          id="stat-extreme"
          name="extremePoorPeople"
          label={t("form.extremePoorPeople")}
          inputMode="numeric"
          defaultValue={defaults.extremePoorPeople}
          error={fieldError("extremePoorPeople")}
        />
        <Field id="stat-p1" name="p1" label={t("form.p1")} inputMode="decimal" defaultValue={defaults.p1} error={fieldError("p1")} />
        <Field id="stat-p2" name="p2" label={t("form.p2")} inputMode="decimal" defaultValue={defaults.p2} error={fieldError("p2")} />
        <Field
          id="stat-poverty-line"
          name="povertyLineRupiah"
          label={t("form.povertyLineRupiah")}
          inputMode="numeric"
          hint={t("form.povertyLineHint")}
          defaultValue={defaults.povertyLineRupiah}
          error={fieldError("povertyLineRupiah")}
        />
      </div>
      <Field id="stat-source" name="source" label={t("form.source")} defaultValue={defaults.source} error={fieldError("source")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("form.saving") : t("form.save")}
      </Button>
    </form>
  );
}
