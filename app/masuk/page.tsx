import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { FormNotice } from "@/components/ui/form-alert";
import { homePath } from "@/features/account/routes";
import { SignInForm } from "@/features/account/ui/sign-in-form";
import { MainContent } from "@/features/shell/ui/main-content";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/session-user";
import { signInError } from "@/lib/auth/sign-in-error";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title"), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const NOTICES = ["signedOut", "passwordChanged"] as const;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = readSearchParams(await searchParams);
  const one = (name: string) => firstParam(params[name]);
  const callbackUrl = safeCallbackUrl(one("callbackUrl"));

  // Signed in already (or just now): on to where they were going, or their home.
  const user = await getSessionUser();
  if (user) redirect(callbackUrl ?? homePath(user));

  const [t, messages] = await Promise.all([getTranslations("SignIn"), getMessages()]);
  const notice = NOTICES.find((key) => key === one("notice"));
  return (
    <MainContent>
      <div className="mx-auto w-full max-w-md rounded-lg border border-line bg-white p-5 shadow-xs sm:p-8">
        <h1 className="text-2xl font-semibold text-ink">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("description")}</p>
        {notice ? (
          <div className="mt-4">
            <FormNotice>{t(`notices.${notice}`)}</FormNotice>
          </div>
        ) : null}
        <div className="mt-5">
          <NextIntlClientProvider messages={{ SignIn: messages.SignIn }}>
            <SignInForm callbackUrl={callbackUrl} initialError={one("csrf") ? { key: "unavailable" } : signInError(one("error"))} />
          </NextIntlClientProvider>
        </div>
        <p className="mt-5 text-sm text-muted">{t("help")}</p>
      </div>
    </MainContent>
  );
}
