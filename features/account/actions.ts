"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { changePassword } from "@/features/account/change-password";
import { authRoutes } from "@/features/account/routes";
import { appAuthDeps } from "@/lib/auth/deps";
import { signedInGate } from "@/lib/auth/gate";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { clientIp, requestId } from "@/lib/auth/request";
import { endCurrentSession, getSessionUser } from "@/lib/auth/session";

// next-auth's session cookie: "__Secure-" behind HTTPS, split into .0, .1 … when large.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}

/**
 * Signs out: ends the session on the server, so a copy of the cookie taken earlier opens
 * nothing, and drops the cookie. A plain form posts here, so it works without JavaScript.
 */
export async function signOutAction(): Promise<void> {
  await endCurrentSession();
  await clearSessionCookies();
  redirect(authRoutes.signIn({ notice: "signedOut" }));
}

export type ChangePasswordState = {
  fieldErrors?: Partial<Record<"currentPassword" | "newPassword" | "confirmPassword", string>>;
  formError?: string;
};

/**
 * The change-password form's action; on success every session ends and the user signs in
 * again. Any signed-in user changes their own password: the gate's first step is all it asks.
 */
export async function changePasswordAction(_previous: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const admission = await signedInGate({ currentUser: getSessionUser });
  if (!admission.ok) redirect(authRoutes.signIn({ callbackUrl: authRoutes.changePassword() }));
  const user = admission.user;
  const t = await getTranslations("Account.changePassword.errors");
  const tPassword = await getTranslations("Account.passwordRules");
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const requestHeaders = await headers();

  let result: Awaited<ReturnType<typeof changePassword>>;
  try {
    result = await changePassword(
      appAuthDeps,
      user,
      { currentPassword: field("currentPassword"), newPassword: field("newPassword"), confirmPassword: field("confirmPassword") },
      { ip: clientIp(requestHeaders), requestId: requestId(requestHeaders) },
    );
  } catch (error) {
    console.error(error);
    return { formError: t("failed") };
  }

  if (result.ok) {
    await clearSessionCookies();
    redirect(authRoutes.signIn({ notice: "passwordChanged" }));
  }
  if ("locked" in result) return { formError: t("locked", { minutes: result.locked.minutes }) };
  const { currentPassword, newPassword, confirmPassword } = result.errors;
  return {
    fieldErrors: {
      currentPassword: currentPassword && t(currentPassword),
      newPassword:
        newPassword && (newPassword === "sameAsCurrent" ? t("sameAsCurrent") : tPassword(newPassword, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })),
      confirmPassword: confirmPassword && t(confirmPassword),
    },
  };
}
