"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";
import type { ScopeChoices } from "@/features/users/queries";
import { ASSIGNABLE_ROLES, isAssignableRole, scopeOf, type AssignableRole } from "@/features/users/roles";
import { OneTimePassword } from "./one-time-password";
import { PasswordChoice } from "./password-choice";
import { usersRoutes } from "@/features/users/routes";

type UserSummary = { id: string; name: string; email: string };

type Props = {
  choices: ScopeChoices;
  tenantSlug: string;
  passwordMinLength: number;
} & (
  | { mode: "create"; action: FormAction<{ user: UserSummary; password: string | null }> }
  | {
      mode: "edit";
      action: FormAction<{ user: UserSummary }>;
      user: { id: string; name: string; role: AssignableRole; opdId: string | null; kelurahanId: string | null; version: number };
      /** The admin editing themselves: the role stays as it is. */
      isSelf: boolean;
    }
);

/** Create a user (with the initial password), or change one's name, role and scope. */
export function UserForm(props: Props) {
  // A new key starts a blank form after "add another".
  const [round, setRound] = useState(0);
  return <UserFormRound key={round} {...props} onAnother={() => setRound((n) => n + 1)} />;
}

function UserFormRound(props: Props & { onAnother: () => void }) {
  const t = useTranslations("Users");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<{ user: UserSummary; password?: string | null }>(
    props.action as FormAction<{ user: UserSummary; password?: string | null }>,
  );
  const initial = props.mode === "edit" ? props.user : null;
  const [role, setRole] = useState<AssignableRole | "">(initial?.role ?? "");
  // A save (or a stale save) reloads the user: show the current role, as the keyed form shows the rest.
  const [shownVersion, setShownVersion] = useState(initial?.version);
  if (initial && initial.version !== shownVersion) {
    setShownVersion(initial.version);
    setRole(initial.role);
  }
  const scope = role ? scopeOf(role) : null;
  const hasFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);

  if (props.mode === "create" && state?.ok) {
    const { user, password } = state.data;
    return (
      <div className="space-y-4">
        <FormNotice>{t("created.title", { name: user.name })}</FormNotice>
        {password ? <OneTimePassword email={user.email} password={password} /> : null}
        <div className="flex flex-wrap gap-3">
          <Link href={usersRoutes.detail(props.tenantSlug, user.id)} className={buttonClassName("primary")}>
            {t("created.open")}
          </Link>
          <Button variant="secondary" onClick={props.onAnother}>
            {t("created.addAnother")}
          </Button>
          <Link href={usersRoutes.list(props.tenantSlug)} className={buttonClassName("secondary")}>
            {t("created.list")}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form key={initial?.version} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {formError ? <FormAlert>{hasFieldErrors ? t("form.errorSummary") : formError}</FormAlert> : null}
      {props.mode === "edit" && state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      {props.mode === "edit" ? <input type="hidden" name="userId" value={props.user.id} /> : null}
      {props.mode === "edit" ? <VersionField version={props.user.version} /> : null}

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Field
          id="user-name"
          name="name"
          label={t("form.name")}
          defaultValue={initial?.name}
          autoComplete="off"
          required
          autoFocus={props.mode === "create"}
          error={fieldError("name")}
        />
        {props.mode === "create" ? (
          <Field
            id="user-email"
            name="email"
            type="email"
            label={t("form.email")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            inputMode="email"
            required
            error={fieldError("email")}
          />
        ) : null}
      </div>

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {props.mode === "edit" && props.isSelf ? (
          <div>
            <input type="hidden" name="role" value={props.user.role} />
            <p className="text-sm font-medium text-ink">{t("form.role")}</p>
            <p className="mt-1 min-h-11 py-2 text-base">{t(`roles.${props.user.role}`)}</p>
            <p className="text-sm text-muted">{t("detail.selfRole")}</p>
          </div>
        ) : (
          <SelectField
            id="user-role"
            name="role"
            label={t("form.role")}
            hint={role ? t(`roleHints.${role}`) : undefined}
            value={role}
            onChange={(event) => setRole(isAssignableRole(event.target.value) ? event.target.value : "")}
            required
            error={fieldError("role")}
          >
            <option value="" disabled>
              {t("form.role")}…
            </option>
            {ASSIGNABLE_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </SelectField>
        )}

        {scope === "opd" ? (
          <SelectField id="user-opd" name="opdId" label={t("form.opd")} defaultValue={initial?.opdId ?? ""} required error={fieldError("opdId")}>
            <option value="">{t("form.opdPlaceholder")}</option>
            {props.choices.opds.map((opd) => (
              <option key={opd.id} value={opd.id}>
                {opd.shortName} — {opd.name}
              </option>
            ))}
          </SelectField>
        ) : scope === "kelurahan" ? (
          <SelectField
            id="user-kelurahan"
            name="kelurahanId"
            label={t("form.kelurahan")}
            defaultValue={initial?.kelurahanId ?? ""}
            required
            error={fieldError("kelurahanId")}
          >
            <option value="">{t("form.kelurahanPlaceholder")}</option>
            {props.choices.kecamatan.map((kecamatan) => (
              <optgroup key={kecamatan.id} label={t("form.kecamatanGroup", { name: kecamatan.name })}>
                {kecamatan.kelurahan.map((kelurahan) => (
                  <option key={kelurahan.id} value={kelurahan.id}>
                    {kelurahan.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        ) : role ? (
          <p className="self-end pb-2.5 text-sm text-muted">{t("form.noScope")}</p>
        ) : null}
      </div>

      {props.mode === "create" ? (
        <PasswordChoice legend={t("form.password")} minLength={props.passwordMinLength} error={fieldError("password")} idPrefix="user" />
      ) : null}

      <div className="flex flex-wrap gap-3 pt-1">
        <Button type="submit" disabled={pending}>
          {pending ? t("form.saving") : props.mode === "create" ? t("form.create") : t("form.save")}
        </Button>
        {props.mode === "create" ? (
          <Link href={usersRoutes.list(props.tenantSlug)} className={buttonClassName("secondary")}>
            {t("form.cancel")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
