"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import type { RenamableArea } from "@/features/areas/queries";

/** The city admin corrects the name an area is shown by; its Kemendagri code stays. */
export function RenameAreaForm({ action, areas }: { action: FormAction<unknown>; areas: RenamableArea[] }) {
  const t = useTranslations("Areas.rename");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action);
  const [areaId, setAreaId] = useState(areas[0]?.id ?? "");
  const area = areas.find((candidate) => candidate.id === areaId);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      <p className="max-w-3xl text-sm text-muted">{t("intro")}</p>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      {/* Keyed by the area and its version: choosing another area, or a save, shows its current name. */}
      <div key={`${areaId}-${area?.version}`} className="grid grid-cols-1 items-start gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
        <SelectField
          id="area-rename-area"
          name="areaId"
          label={t("area")}
          value={areaId}
          onChange={(event) => setAreaId(event.target.value)}
          error={fieldError("areaId")}
        >
          {areas.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </SelectField>
        {area ? <VersionField version={area.version} /> : null}
        <Field
          id="area-rename-name"
          name="name"
          label={t("name")}
          defaultValue={area?.name}
          hint={area?.officialName ? t("official", { name: area.officialName }) : undefined}
          autoComplete="off"
          required
          error={fieldError("name")}
        />
        <Button type="submit" disabled={pending || !area} className="md:mt-[1.625rem]">
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
