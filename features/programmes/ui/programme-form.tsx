"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import type { ProgrammeKind, TargetUnit } from "@/lib/generated/prisma/enums";
import { programmesRoutes } from "@/features/programmes/routes";

type Result = { programmeId: string };

export type ProgrammeFormValues = {
  id: string;
  name: string;
  kind: ProgrammeKind;
  fiscalYear: number;
  sipdCode: string | null;
  description: string | null;
  targetUnit: TargetUnit;
  targetCount: number;
  targetExtremeCount: number;
  version: number;
};

/** A new programme of the writer's own OPD, or changes to one; opens the programme after saving. */
export function ProgrammeForm({
  action,
  tenantSlug,
  opdName,
  kinds,
  units,
  defaultYear,
  programme,
}: {
  action: FormAction<Result>;
  tenantSlug: string;
  opdName: string;
  kinds: readonly ProgrammeKind[];
  units: readonly TargetUnit[];
  defaultYear: number;
  programme?: ProgrammeFormValues;
}) {
  const t = useTranslations("Programmes");
  const router = useRouter();
  // Open the programme as the action answers.
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(async (previous, data) => {
    const result = await action(previous, data);
    if (result.ok) router.push(programmesRoutes.detail(tenantSlug, result.data.programmeId));
    return result;
  });
  const hasFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);
  const back = programme ? programmesRoutes.detail(tenantSlug, programme.id) : programmesRoutes.list(tenantSlug);

  return (
    <form key={programme?.version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{hasFieldErrors ? t("form.errorSummary") : formError}</FormAlert> : null}
      {programme ? <input type="hidden" name="programmeId" value={programme.id} /> : null}
      {programme ? <VersionField version={programme.version} /> : null}

      <div className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,1fr)_10rem]">
        <Field
          id="programme-name"
          name="name"
          label={t("form.name")}
          placeholder={t("form.namePlaceholder")}
          defaultValue={programme?.name}
          autoComplete="off"
          required
          autoFocus={!programme}
          maxLength={200}
          error={fieldError("name")}
        />
        <Field
          id="programme-year"
          name="fiscalYear"
          label={t("form.fiscalYear")}
          inputMode="numeric"
          defaultValue={String(programme?.fiscalYear ?? defaultYear)}
          autoComplete="off"
          required
          maxLength={4}
          error={fieldError("fiscalYear")}
        />
      </div>

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField id="programme-kind" name="kind" label={t("form.kind")} defaultValue={programme?.kind ?? ""} required error={fieldError("kind")}>
          <option value="" disabled>
            {t("form.kindPlaceholder")}
          </option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <div>
          <p className="block text-sm font-medium text-ink">{t("form.opd")}</p>
          <p className="mt-1 flex min-h-11 items-center text-base">{opdName}</p>
        </div>
      </div>

      <Field
        id="programme-sipd-code"
        name="sipdCode"
        label={t("form.sipdCode")}
        hint={t("form.sipdCodeHint")}
        defaultValue={programme?.sipdCode ?? ""}
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        error={fieldError("sipdCode")}
        className="md:max-w-md"
      />

      <fieldset>
        <legend className="text-sm font-semibold text-ink">{t("detail.target")}</legend>
        <p className="text-sm text-muted">
          {t("form.targetCountHint")} {t("form.targetExtremeHint")}
        </p>
        <div className="mt-2 grid grid-cols-1 items-start gap-4 md:grid-cols-3">
          <SelectField
            id="programme-unit"
            name="targetUnit"
            label={t("form.targetUnit")}
            defaultValue={programme?.targetUnit ?? "HOUSEHOLD"}
            error={fieldError("targetUnit")}
          >
            {units.map((value) => (
              <option key={value} value={value}>
                {t(`units.${value}`)}
              </option>
            ))}
          </SelectField>
          <Field
            id="programme-target"
            name="targetCount"
            label={t("form.targetCount")}
            inputMode="numeric"
            defaultValue={programme ? String(programme.targetCount) : ""}
            autoComplete="off"
            error={fieldError("targetCount")}
          />
          <Field
            id="programme-extreme"
            name="targetExtremeCount"
            label={t("form.targetExtremeCount")}
            inputMode="numeric"
            defaultValue={programme ? String(programme.targetExtremeCount) : ""}
            autoComplete="off"
            error={fieldError("targetExtremeCount")}
          />
        </div>
      </fieldset>

      <TextareaField
        id="programme-description"
        name="description"
        label={t("form.description")}
        hint={t("form.descriptionHint")}
        defaultValue={programme?.description ?? ""}
        maxLength={1000}
        error={fieldError("description")}
      />

      <div className="flex flex-wrap gap-3 pt-1">
        <Button type="submit" disabled={pending || state?.ok}>
          {pending ? t("form.saving") : programme ? t("form.save") : t("form.create")}
        </Button>
        <Link href={back} className={buttonClassName("secondary")}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
