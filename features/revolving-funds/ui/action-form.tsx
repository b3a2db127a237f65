"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert, FormNotice } from "@/components/ui/form-alert";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { VersionField } from "@/components/ui/version-field";

type FieldError = (name: string) => string | undefined;

/**
 * A Dana PEM form: the fields (given the field-error reader), a submit button, the refusal
 * above and the success message below. What was typed stays after a refusal.
 */
export function ActionForm<Result>({
  action,
  submitLabel,
  pendingLabel,
  errorSummary,
  hidden,
  version,
  resetOnSuccess = true,
  className,
  successHref,
  children,
}: {
  action: FormAction<Result>;
  submitLabel: ReactNode;
  pendingLabel: ReactNode;
  /** Shown instead of the server's message when fields are marked. */
  errorSummary: string;
  hidden?: Record<string, string>;
  /** The version of the record an edit form shows; the fields show the current values again after a save or a stale save. */
  version?: number;
  resetOnSuccess?: boolean;
  className?: string;
  /** Where to go after success, given the action's result. */
  successHref?: (result: Result) => string;
  /** The fields, given the field-error reader and the refusal's code (to show a refusal in the page's language). */
  children: (fieldError: FieldError, failureCode: string | undefined) => ReactNode;
}) {
  const router = useRouter();
  const { state, pending, formRef, onSubmit, fieldError, formError } = useActionForm<Result>(
    async (previous, data) => {
      const result = await action(previous, data);
      if (result.ok && successHref) router.push(successHref(result.data));
      return result;
    },
    { resetOnSuccess },
  );
  // Controlled fields (Rupiah boxes) are cleared by mounting them afresh after a success.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) setRound((n) => n + 1);
  }, [state, resetOnSuccess]);
  const marked = Boolean(state && !state.ok && state.fieldErrors && Object.keys(state.fieldErrors).length);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className={className ?? "space-y-3"} aria-busy={pending || undefined}>
      {formError ? <FormAlert>{marked ? errorSummary : formError}</FormAlert> : null}
      {state?.ok && state.message ? <FormNotice>{state.message}</FormNotice> : null}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {version === undefined ? null : <VersionField version={version} />}
      <div key={`${round}:${version ?? ""}`} className="contents">
        {children(fieldError, state && !state.ok ? state.code : undefined)}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
