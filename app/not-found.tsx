import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MainContent } from "@/features/shell/ui/main-content";
import { LinkButton } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <MainContent>
      <div className="mx-auto max-w-xl rounded-lg border border-line bg-white p-6 text-center shadow-xs sm:p-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-accent-700">{t("code")}</p>
        <h1 className="mt-2 text-2xl font-semibold text-ink">{t("title")}</h1>
        <p className="mt-3 text-muted">{t("description")}</p>
        <LinkButton href="/" className="mt-6">
          {t("backHome")}
        </LinkButton>
      </div>
    </MainContent>
  );
}
