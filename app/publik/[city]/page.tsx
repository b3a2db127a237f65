import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { openPublicCity, publicFigures, publicPageMonth } from "@/features/public-page/figures";
import { PublicPageView } from "@/features/public-page/ui/public-page-view";
import { MainContent } from "@/features/shell/ui/main-content";

// Open to anyone, signed in or not (lib/auth/pages.ts PUBLIC_PAGES): a city's figures of the
// year, aggregates only. A city whose admin has not opened it answers as no city at all.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ city: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const city = await openPublicCity((await params).city);
  if (!city) return {};
  const t = await getTranslations("PublicPage");
  return { title: t("title", { city: city.name }) };
}

export default async function PublicCityPage({ params }: Props) {
  const city = await openPublicCity((await params).city);
  if (!city) notFound();
  const figures = await publicFigures(city.id, publicPageMonth(city));
  return (
    <MainContent>
      <PublicPageView city={city} figures={figures} />
    </MainContent>
  );
}
