"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { useSubmissionKey } from "./use-submission-key";

/** A tenant server action bound to its slug, as `tenantAction(...).bind(null, slug)` gives it. */
export type FormAction<Result> = (previous: ActionResult<Result> | null, input: FormData) => Promise<ActionResult<Result>>;

/**
 * Runs a server action from a form without React's reset-after-submit, so a refused form
 * keeps what was typed. After a refusal the first field marked invalid gets the focus.
 * A save refused as stale (someone else saved the record first) reloads the page's data:
 * an edit form keyed by the record's version then shows the current values, with the
 * message still above it.
 * Every send carries the form's submission key (use-submission-key.ts).
 */
export function useActionForm<Result>(action: FormAction<Result>, options: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState<ActionResult<Result> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const submissionKey = useSubmissionKey();

  useEffect(() => {
    if (!state) return;
    if (!state.ok && state.code === "STALE") {
      router.refresh();
      return;
    }
    if (state.ok) {
      submissionKey.renew();
      if (options.resetOnSuccess) formRef.current?.reset();
      return;
    }
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, options.resetOnSuccess, router, submissionKey]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = submissionKey.stamp(new FormData(event.currentTarget));
    startTransition(() => dispatch(data));
  }

  const fieldError = (name: string): string | undefined => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  const formError = state && !state.ok ? state.message : undefined;
  return { state, pending, formRef, onSubmit, fieldError, formError };
}
