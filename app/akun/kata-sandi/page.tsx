import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { homePath } from "@/features/account/routes";
import { ChangePasswordForm } from "@/features/account/ui/change-password-form";
import { SignOutButton } from "@/features/account/ui/sign-out-button";
import { MainContent } from "@/features/shell/ui/main-content";
import { PageHeader } from "@/components/ui/page-header";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { requireUser } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Account.changePassword");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const user = await requireUser();
  const [t, messages] = await Promise.all([getTranslations("Account"), getMessages()]);
  return (
    <MainContent>
      <div className="mx-auto w-full max-w-xl">
        <PageHeader eyebrow={t("eyebrow")} title={t("changePassword.title")} description={t("changePassword.description")} />
        {user.mustChangePassword ? (
          <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("changePassword.required")}
          </p>
        ) : null}
        <div className="rounded-lg border border-line bg-white p-5 shadow-xs sm:p-6">
          <div className="mb-5 flex flex-wrap items-center justify-between gap-3 border-b border-line pb-4">
            <p className="text-sm text-muted">{t("signedInAs", { name: user.name, email: user.email })}</p>
            <SignOutButton variant="secondary" />
          </div>
          <NextIntlClientProvider messages={{ Account: { changePassword: messages.Account.changePassword } }}>
            <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} cancelHref={user.mustChangePassword ? null : homePath(user)} />
          </NextIntlClientProvider>
        </div>
      </div>
    </MainContent>
  );
}
