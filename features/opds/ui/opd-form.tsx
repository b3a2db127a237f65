"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";

type Result = { opd: { id: string } };

/** A new OPD (code, short name, name in one row), or a rename of one (no code). */
export function OpdForm(
  props:
    | { mode: "create"; action: FormAction<Result> }
    | { mode: "rename"; action: FormAction<Result>; opd: { id: string; name: string; shortName: string; version: number } },
) {
  const t = useTranslations("Opds");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(props.action, {
    resetOnSuccess: props.mode === "create",
  });
  const hasFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);
  const initial = props.mode === "rename" ? props.opd : null;
  return (
    <form key={initial?.version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{hasFieldErrors ? t("form.errorSummary") : formError}</FormAlert> : null}
      {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      {initial ? <input type="hidden" name="opdId" value={initial.id} /> : null}
      {initial ? <VersionField version={initial.version} /> : null}
      <div
        className={
          props.mode === "create"
            ? "grid items-start gap-4 md:grid-cols-[8rem_12rem_minmax(0,1fr)_auto]"
            : "grid items-start gap-4 md:grid-cols-[minmax(0,1fr)_14rem]"
        }
      >
        {props.mode === "create" ? (
          <Field id="opd-code" name="code" label={t("form.code")} placeholder="2.07" autoComplete="off" required error={fieldError("code")} />
        ) : null}
        {props.mode === "create" ? (
          <Field
            id="opd-short"
            name="shortName"
            label={t("form.shortName")}
            placeholder="Disnaker"
            autoComplete="off"
            required
            error={fieldError("shortName")}
          />
        ) : null}
        <Field
          id="opd-name"
          name="name"
          label={t("form.name")}
          placeholder={props.mode === "create" ? "Dinas Tenaga Kerja" : undefined}
          defaultValue={initial?.name}
          autoComplete="off"
          required
          error={fieldError("name")}
        />
        {props.mode === "rename" ? (
          <Field
            id="opd-short"
            name="shortName"
            label={t("form.shortName")}
            defaultValue={initial?.shortName}
            autoComplete="off"
            required
            error={fieldError("shortName")}
          />
        ) : null}
        {props.mode === "create" ? (
          <Button type="submit" disabled={pending} className="md:mt-[1.625rem]">
            {pending ? t("form.saving") : t("form.create")}
          </Button>
        ) : null}
      </div>
      {props.mode === "rename" ? (
        <Button type="submit" disabled={pending}>
          {pending ? t("form.saving") : t("form.save")}
        </Button>
      ) : null}
    </form>
  );
}
