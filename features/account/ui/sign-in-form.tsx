"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { authRoutes } from "@/features/account/routes";
import { signInError, type SignInError } from "@/lib/auth/sign-in-error";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

type FieldErrors = { email?: string; password?: string };

/**
 * Email and password, posted through next-auth's client (it fetches the CSRF token).
 * On success the browser loads the callbackUrl, or /masuk, which sends a signed-in user
 * to their home.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string | null; initialError: SignInError | null }) {
  const t = useTranslations("SignIn");
  const [error, setError] = useState<SignInError | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  // Until React has hydrated, the button waits: a native submit would skip onSubmit.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const missing: FieldErrors = {
      email: email ? undefined : t("errors.emailRequired"),
      password: password ? undefined : t("errors.passwordRequired"),
    };
    setFieldErrors(missing);
    if (missing.email || missing.password) {
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl: callbackUrl ?? "/" });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl ?? authRoutes.signIn());
        return;
      }
      setError(signInError(result?.error ?? "unavailable"));
    } catch {
      setError({ key: "unavailable" });
    }
    setPending(false);
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  return (
    // Should the form ever be submitted natively, it posts to next-auth (which refuses it
    // for want of a CSRF token and comes back here): the password never lands in a URL.
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending || undefined}>
      {error ? (
        <FormAlert title={t("errors.title")}>{error.key === "locked" ? t("errors.locked", { minutes: error.minutes }) : t(`errors.${error.key}`)}</FormAlert>
      ) : null}
      <Field
        ref={emailRef}
        id="email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        required
        error={fieldErrors.email}
      />
      <Field
        ref={passwordRef}
        id="password"
        name="password"
        type={showPassword ? "text" : "password"}
        label={t("password")}
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <label className="flex min-h-9 items-center gap-2 text-sm text-ink">
        <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} className="size-4 accent-brand-700" />
        {t("showPassword")}
      </label>
      <Button type="submit" disabled={pending || !hydrated} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
