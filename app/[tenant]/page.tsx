import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { KecamatanTable } from "@/features/home/ui/kecamatan-table";
import { kecamatanFigures } from "@/features/home/figures";
import { TenantFigures } from "@/features/home/ui/tenant-figures";
import { TaskCards } from "@/features/home/ui/task-cards";
import { homeHeadlines, homeTasks } from "@/features/home/tasks/home-tasks";
import { HeadlineCards } from "@/features/home/ui/headline-cards";
import { PageHeader } from "@/components/ui/page-header";
import { isOwnCity, requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { getTenantBySlug } from "@/lib/tenant/queries";
import { getKecamatanBreakdown, getTenantOverview } from "@/features/home/queries";
import { switchPublicPageAction } from "@/features/public-page/actions";
import { isPublicPageEnabled } from "@/features/public-page/figures";
import { PublicPageCard } from "@/features/public-page/ui/public-page-card";
import { userCan } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = (await params).tenant;
  const tenant = (await isOwnCity(slug)) ? await getTenantBySlug(slug) : null;
  return tenant ? { title: tenant.name } : {};
}

export default async function TenantHomePage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "home");
  const tenant = await getTenantBySlug(slug);
  if (!tenant) notFound();

  const t = await getTranslations("Home");
  const managesPublicPage = userCan(user, "public-page:manage");
  const [tasks, headlines, overview, breakdown, publicPageOpen] = await withTenant(tenant.id, (tx) =>
    Promise.all([
      homeTasks(tx, user),
      homeHeadlines(tx, user),
      getTenantOverview(tx),
      getKecamatanBreakdown(tx),
      managesPublicPage ? isPublicPageEnabled(tx, tenant.id) : false,
    ]),
  );
  const figures = kecamatanFigures(breakdown, overview);

  return (
    <>
      <PageHeader
        eyebrow={t("eyebrow", { province: tenant.provinceName })}
        title={tenant.name}
        description={t("description", { code: tenant.kemendagriCode })}
      />
      <TaskCards tasks={tasks} />
      <HeadlineCards headlines={headlines} />
      <TenantFigures overview={overview} total={figures.total ?? {}} />
      <KecamatanTable table={figures} />
      {managesPublicPage ? <PublicPageCard slug={slug} enabled={publicPageOpen} action={switchPublicPageAction.bind(null, slug)} /> : null}
    </>
  );
}
