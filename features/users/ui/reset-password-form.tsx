"use client";

import { useTranslations } from "next-intl";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { OneTimePassword } from "./one-time-password";
import { PasswordChoice } from "./password-choice";

type Result = { user: { email: string }; password: string | null };

/** Sets a new password for another user: generated (shown once) or typed by the admin. */
export function ResetPasswordForm({ action, userId, minLength }: { action: FormAction<Result>; userId: string; minLength: number }) {
  const t = useTranslations("Users");
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm(action, { resetOnSuccess: true });
  const hasFieldErrors = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <>
          {state.message ? <FormNotice>{state.message}</FormNotice> : null}
          {state.data.password ? <OneTimePassword email={state.data.user.email} password={state.data.password} /> : null}
        </>
      ) : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
        {formError ? <FormAlert>{hasFieldErrors ? t("form.errorSummary") : formError}</FormAlert> : null}
        <input type="hidden" name="userId" value={userId} />
        <PasswordChoice legend={t("detail.newPassword")} minLength={minLength} error={fieldError("password")} idPrefix="reset" />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("form.saving") : t("detail.resetSubmit")}
        </Button>
      </form>
    </div>
  );
}
