"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { changePasswordAction, type ChangePasswordState } from "@/features/account/actions";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

/** Current, new and repeated password; the action signs the user out when it succeeds. */
export function ChangePasswordForm({ minLength, cancelHref }: { minLength: number; cancelHref: string | null }) {
  const t = useTranslations("Account.changePassword");
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  const hasFieldErrors = Object.values(errors).some(Boolean);
  return (
    <form action={action} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {state.formError ? <FormAlert>{state.formError}</FormAlert> : null}
      {hasFieldErrors ? <FormAlert>{t("errorSummary")}</FormAlert> : null}
      <Field
        id="currentPassword"
        name="currentPassword"
        type="password"
        label={t("current")}
        autoComplete="current-password"
        required
        autoFocus
        error={errors.currentPassword}
      />
      <Field
        id="newPassword"
        name="newPassword"
        type="password"
        label={t("new")}
        hint={t("hint", { min: minLength })}
        autoComplete="new-password"
        minLength={minLength}
        required
        error={errors.newPassword}
      />
      <Field
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={t("confirm")}
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <div className="flex flex-wrap gap-3 pt-1">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        {cancelHref ? (
          <LinkButton href={cancelHref} variant="secondary">
            {t("cancel")}
          </LinkButton>
        ) : null}
      </div>
    </form>
  );
}
