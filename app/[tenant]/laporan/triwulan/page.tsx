import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuarterlyReportPage } from "@/features/reports/quarterly/ui/report-page";
import { requireTenantPage } from "@/lib/auth/guard";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("QuarterlyReport");
  return { title: t("shortTitle") };
}

export default async function QuarterlyReport({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "quarterlyReport");
  return <QuarterlyReportPage slug={slug} user={user} query={readSearchParams(await searchParams)} />;
}
