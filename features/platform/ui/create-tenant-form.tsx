"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useMemo, useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { ActionResult } from "@/lib/actions/define";
import type { CreatedTenant } from "@/features/platform/create-tenant";
import type { RegencyChoices } from "@/features/platform/regencies";
import { suggestTenantSlug, TENANT_SLUG_MAX_LENGTH } from "@/features/platform/slug";

const FIELD_ORDER = ["kemendagriCode", "slug", "pod", "adminName", "adminEmail", "adminPassword"];

type State = ActionResult<CreatedTenant> | null;
type Action = (previous: State, formData: FormData) => Promise<ActionResult<CreatedTenant>>;

type Props = {
  action: Action;
  choices: RegencyChoices;
  takenSlugs: string[];
  passwordMinLength: number;
  /** The pods a city may be placed on, the main pod first: chosen only when there are several. */
  pods: string[];
};

/**
 * "Tambah pemerintah daerah": province → kota/kabupaten (or its code typed in), the slug
 * suggested from the name, and the first city admin. The server checks everything again.
 */
export function CreateTenantForm(props: Props) {
  const t = useTranslations("Platform.create");
  const [state, formAction, pending] = useActionState<State, FormData>(props.action, null);
  // A new tenant created: start a fresh form (the list above shows it already).
  const [created, setCreated] = useState<string | null>(null);
  if (state?.ok && state.data.tenantId !== created) setCreated(state.data.tenantId);

  return (
    <div className="space-y-4">
      {state?.ok ? (
        <FormNotice>
          {t("success", {
            name: state.data.name,
            slug: state.data.slug,
            kecamatan: state.data.kecamatan,
            kelurahan: state.data.kelurahan,
            email: state.data.adminEmail,
          })}
        </FormNotice>
      ) : null}
      <CreateTenantFields key={created ?? "new"} {...props} formAction={formAction} pending={pending} failure={state && !state.ok ? state : null} />
    </div>
  );
}

function CreateTenantFields({
  choices,
  takenSlugs,
  passwordMinLength,
  pods,
  formAction,
  pending,
  failure,
}: Props & {
  formAction: (formData: FormData) => void;
  pending: boolean;
  failure: Extract<ActionResult, { ok: false }> | null;
}) {
  const t = useTranslations("Platform.create");
  const [provinceCode, setProvinceCode] = useState("");
  const [code, setCode] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [adminName, setAdminName] = useState("");
  const [adminEmail, setAdminEmail] = useState("");

  const taken = useMemo(() => new Set(takenSlugs), [takenSlugs]);
  const byCode = useMemo(() => new Map(choices.regencies.map((regency) => [regency.code, regency])), [choices]);
  const regencies = useMemo(() => choices.regencies.filter((regency) => regency.code.startsWith(`${provinceCode}.`)), [choices, provinceCode]);
  const selected = byCode.get(code);

  function chooseRegency(next: string) {
    setCode(next);
    const regency = byCode.get(next);
    if (regency) {
      setProvinceCode(next.slice(0, 2));
      if (!slugEdited) setSlug(suggestTenantSlug(regency.name, taken));
    }
  }

  const errors = failure?.fieldErrors ?? {};
  const error = (field: string) => errors[field]?.[0];
  const otherError = failure && Object.keys(errors).length === 0 ? failure.message : null;

  // Keyboard and screen-reader users land on the first field to fix.
  useEffect(() => {
    const first = FIELD_ORDER.find((field) => failure?.fieldErrors?.[field]?.length);
    if (first) document.getElementById(first)?.focus();
  }, [failure]);

  // Submitted by hand so that React does not reset the form after an error: what was
  // typed stays for correcting. Without JavaScript the form posts to the action as usual.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return (
    <form id="create-tenant-form" action={formAction} onSubmit={submit} noValidate aria-busy={pending || undefined} className="space-y-5">
      {failure ? <FormAlert>{otherError ?? t("errorSummary")}</FormAlert> : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-brand-700">{t("regionLegend")}</legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              id="provinceCode"
              label={t("province")}
              value={provinceCode}
              onChange={(event) => {
                setProvinceCode(event.target.value);
                if (!code.startsWith(`${event.target.value}.`)) setCode("");
              }}
            >
              <option value="">{t("provincePlaceholder")}</option>
              {choices.provinces.map((province) => (
                <option key={province.code} value={province.code}>
                  {province.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="regency"
              label={t("regency")}
              value={selected && code.startsWith(`${provinceCode}.`) ? code : ""}
              onChange={(event) => chooseRegency(event.target.value)}
              disabled={!provinceCode}
            >
              <option value="">{provinceCode ? t("regencyPlaceholder") : t("regencyDisabledHint")}</option>
              {regencies.map((regency) => (
                <option key={regency.code} value={regency.code} disabled={regency.registered}>
                  {regency.code} {regency.registered ? t("registered", { name: regency.name }) : regency.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field
              id="kemendagriCode"
              name="kemendagriCode"
              label={t("code")}
              hint={t("codeHint")}
              value={code}
              onChange={(event) => chooseRegency(event.target.value.trim())}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              maxLength={5}
              required
              error={error("kemendagriCode")}
            />
            <Field
              id="slug"
              name="slug"
              label={t("slug")}
              hint={slug ? t("slugHint", { slug }) : t("slugHintEmpty")}
              value={slug}
              onChange={(event) => {
                setSlug(event.target.value);
                setSlugEdited(event.target.value !== "");
              }}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              maxLength={TENANT_SLUG_MAX_LENGTH}
              required
              error={error("slug")}
            />
          </div>
          {pods.length > 1 ? (
            <SelectField id="pod" name="pod" label={t("pod")} hint={t("podHint")} defaultValue={pods[0]} error={error("pod")}>
              {pods.map((pod) => (
                <option key={pod} value={pod}>
                  {pod}
                </option>
              ))}
            </SelectField>
          ) : null}
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-brand-700">{t("adminLegend")}</legend>
          <Field
            id="adminName"
            name="adminName"
            label={t("adminName")}
            value={adminName}
            onChange={(event) => setAdminName(event.target.value)}
            autoComplete="off"
            required
            error={error("adminName")}
          />
          <Field
            id="adminEmail"
            name="adminEmail"
            type="email"
            label={t("adminEmail")}
            value={adminEmail}
            onChange={(event) => setAdminEmail(event.target.value)}
            inputMode="email"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            required
            error={error("adminEmail")}
          />
          <Field
            id="adminPassword"
            name="adminPassword"
            type="password"
            label={t("adminPassword")}
            hint={t("passwordHint", { min: passwordMinLength })}
            autoComplete="new-password"
            minLength={passwordMinLength}
            required
            error={error("adminPassword")}
          />
        </fieldset>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
