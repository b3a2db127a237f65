import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { FormAction } from "@/components/ui/use-action-form";
import { publicPageRoutes } from "../routes";
import { PublicPageSwitch } from "./public-page-switch";

/** The card on the city admin's home that opens or closes the city's public page. */
export async function PublicPageCard({ slug, enabled, action }: { slug: string; enabled: boolean; action: FormAction<{ enabled: boolean }> }) {
  const [t, messages] = await Promise.all([getTranslations("PublicPage.switch"), getMessages()]);
  return (
    <Card className="mt-8">
      <CardHeader title={t("title")} />
      <div className="p-4 sm:p-5">
        <NextIntlClientProvider messages={{ PublicPage: { switch: messages.PublicPage.switch } }}>
          <PublicPageSwitch action={action} enabled={enabled} href={publicPageRoutes.page(slug)} />
        </NextIntlClientProvider>
      </div>
    </Card>
  );
}
