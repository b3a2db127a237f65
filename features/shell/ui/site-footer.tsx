import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("Shell");
  return (
    <footer className="mt-10 border-t border-line bg-white print:hidden">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-5 text-sm text-muted sm:px-6">
        <p>{t("footer")}</p>
        <p>{t("footerData")}</p>
      </div>
    </footer>
  );
}
