import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteFooter } from "@/features/shell/ui/site-footer";
import { RouteFocus } from "@/features/shell/ui/route-focus";
import { SiteHeader } from "@/features/shell/ui/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return {
    title: { template: t("titleTemplate"), default: t("defaultTitle") },
    description: t("description"),
    manifest: "/manifest.webmanifest",
    icons: { apple: "/icons/apple-touch-icon.png" },
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#143b5e",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col antialiased">
        {/* Client components get only the messages they use: the error page's. */}
        <NextIntlClientProvider messages={{ Error: messages.Error }}>
          <SiteHeader />
          <div className="flex flex-1 flex-col">{children}</div>
          <SiteFooter />
        </NextIntlClientProvider>
        <RouteFocus />
      </body>
    </html>
  );
}
