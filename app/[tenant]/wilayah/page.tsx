import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AreaTreeTable } from "@/features/areas/ui/area-tree-table";
import { SyncAreasForm } from "@/features/areas/ui/sync-areas-form";
import { RenameAreaForm } from "@/features/areas/ui/rename-area-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { getAreaTree, listRenamableAreas, treeTotals } from "@/features/areas/queries";
import { areaTreeFigures } from "@/features/areas/figures";
import type { FigureCell } from "@/lib/spreadsheet/figures";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { getTenantBySlug } from "@/lib/tenant/queries";
import { renameAreaAction, syncAreasAction } from "@/features/areas/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Areas");
  return { title: t("title") };
}

export default async function AreasPage({ params }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "areas");
  const tenant = await getTenantBySlug(slug);
  if (!tenant) notFound();
  const [t, locale, messages, tree, renamable] = await Promise.all([
    getTranslations("Areas"),
    getLocale(),
    getMessages(),
    withTenant(user.tenantId, getAreaTree),
    withTenant(user.tenantId, listRenamableAreas),
  ]);
  const number = (value: number) => formatNumber(value, { locale });
  const totals = treeTotals(tree);
  // The cards read the city's row of the suppressed tree, so they hide what the table hides.
  const shown = areaTreeFigures(tree).rows.at(-1) ?? {};
  const count = (cell: FigureCell | undefined) => (typeof cell === "number" ? number(cell) : (cell ?? "–"));

  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description", { code: tenant.kemendagriCode })} />
      <StatGrid label={t("figuresLabel")}>
        <StatCard label={t("kecamatan")} value={number(totals.kecamatan)} />
        <StatCard label={t("kelurahan")} value={number(totals.kelurahan)} />
        <StatCard label={t("households")} value={count(shown.households)} />
        <StatCard tone="highlight" label={t("extremePoor")} value={count(shown.extremePoor)} />
      </StatGrid>
      <Card className="mt-6">
        <CardHeader title={t("sync.title")} />
        <div className="p-4 sm:p-5">
          <NextIntlClientProvider messages={{ Areas: { sync: messages.Areas.sync } }}>
            <SyncAreasForm action={syncAreasAction.bind(null, slug)} />
          </NextIntlClientProvider>
        </div>
      </Card>
      {renamable.length > 0 ? (
        <Card className="mt-6">
          <CardHeader title={t("rename.title")} />
          <div className="p-4 sm:p-5">
            <NextIntlClientProvider messages={{ Areas: { rename: messages.Areas.rename } }}>
              <RenameAreaForm action={renameAreaAction.bind(null, slug)} areas={renamable} />
            </NextIntlClientProvider>
          </div>
        </Card>
      ) : null}
      <div className="mt-6">
        <AreaTreeTable tree={tree} />
      </div>
    </>
  );
}
