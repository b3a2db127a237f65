"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClassName } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import { trainingsRoutes } from "@/features/trainings/routes";

type Result = { trainingId: string; programmeId: string };

export type TrainingValues = {
  trainingId?: string;
  /** With trainingId: the version of the training the form shows. */
  version?: number;
  programmeId: string;
  skill: string;
  startDate: string;
  endDate: string;
  place: string;
  trainer: string;
  capacity: string;
};

/** A training session, saved as a draft; on success it opens the training's page. */
export function TrainingForm({
  action,
  programmes,
  values,
  tenantSlug,
  cancelHref,
}: {
  action: FormAction<Result>;
  programmes: readonly { id: string; label: string }[];
  values?: TrainingValues;
  tenantSlug: string;
  cancelHref: string;
}) {
  const t = useTranslations("Trainings.form");
  const router = useRouter();
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(async (previous, data) => {
    const result = await action(previous, data);
    if (result.ok) router.push(trainingsRoutes.detail(tenantSlug, result.data.trainingId));
    return result;
  });
  const hasFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);

  return (
    <form key={values?.version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{hasFieldErrors ? t("errorSummary") : formError}</FormAlert> : null}
      {values?.trainingId ? <input type="hidden" name="trainingId" value={values.trainingId} /> : null}
      {values?.version ? <VersionField version={values.version} /> : null}
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2 xl:grid-cols-3">
        <SelectField
          id="training-programme"
          name="programmeId"
          label={t("programme")}
          defaultValue={values?.programmeId ?? ""}
          required
          error={fieldError("programmeId")}
        >
          <option value="" disabled>
            {t("programmePlaceholder")}
          </option>
          {programmes.map((programme) => (
            <option key={programme.id} value={programme.id}>
              {programme.label}
            </option>
          ))}
        </SelectField>
        <Field
          id="training-skill"
          name="skill"
          label={t("skill")}
          placeholder={t("skillPlaceholder")}
          defaultValue={values?.skill}
          required
          maxLength={120}
          autoComplete="off"
          error={fieldError("skill")}
        />
        <Field
          id="training-place"
          name="place"
          label={t("place")}
          placeholder={t("placePlaceholder")}
          defaultValue={values?.place}
          required
          maxLength={200}
          error={fieldError("place")}
        />
        <DateField id="training-start" name="startDate" label={t("startDate")} defaultValue={values?.startDate} required error={fieldError("startDate")} />
        <DateField
          id="training-end"
          name="endDate"
          label={t("endDate")}
          defaultValue={values?.endDate}
          required
          hint={t("endDateHint")}
          error={fieldError("endDate")}
        />
        <div className="grid grid-cols-[minmax(0,1fr)_8rem] gap-4">
          <Field id="training-trainer" name="trainer" label={t("trainer")} defaultValue={values?.trainer} maxLength={120} error={fieldError("trainer")} />
          <Field
            id="training-capacity"
            name="capacity"
            inputMode="numeric"
            label={t("capacity")}
            defaultValue={values?.capacity}
            required
            error={fieldError("capacity")}
          />
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : values?.trainingId ? t("save") : t("submit")}
        </Button>
        <Link href={cancelHref} className={buttonClassName("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
