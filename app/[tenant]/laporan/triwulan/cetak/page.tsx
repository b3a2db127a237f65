import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuarterlyReportPrint } from "@/features/reports/quarterly/ui/report-print";
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

/** The report on A4 paper: its figures only, no names. */
export default async function QuarterlyReportPrintPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "quarterlyReport");
  return <QuarterlyReportPrint slug={slug} user={user} query={readSearchParams(await searchParams)} />;
}
