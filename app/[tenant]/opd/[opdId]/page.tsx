import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { OpdForm } from "@/features/opds/ui/opd-form";
import { OpdRegistryRoleForm } from "@/features/opds/ui/opd-registry-role-form";
import { ActiveToggleForm } from "@/components/ui/active-toggle-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { formatNumber } from "@/lib/format";
import { getOpd } from "@/features/opds/queries";
import { deactivateOpdAction, reactivateOpdAction, renameOpdAction, setOpdRegistryRoleAction } from "@/features/opds/actions";
import { opdsRoutes } from "@/features/opds/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; opdId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Opds");
  return { title: t("title") };
}

export default async function OpdPage({ params }: Props) {
  const { tenant: slug, opdId } = await params;
  const user = await requireTenantPage(slug, "opds");
  // Looked up in the admin's own city: another city's OPD is "not found".
  const opd = await withTenant(user.tenantId, (tx) => getOpd(tx, opdId));
  if (!opd) notFound();
  const [t, locale, messages] = await Promise.all([getTranslations("Opds"), getLocale(), getMessages()]);

  return (
    <NextIntlClientProvider messages={{ Opds: messages.Opds }}>
      <Link href={opdsRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("backToList")}
      </Link>
      <PageHeader
        eyebrow={t("detail.eyebrow", { code: opd.code })}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {opd.name}
            <Badge tone={opd.active ? "positive" : "muted"} className="text-sm">
              {opd.active ? t("active") : t("inactive")}
            </Badge>
          </span>
        }
        description={opd.shortName}
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("detail.rename")} description={t("detail.renameIntro")} />
          <div className="p-4 sm:p-5">
            <OpdForm
              mode="rename"
              action={renameOpdAction.bind(null, slug)}
              opd={{ id: opd.id, name: opd.name, shortName: opd.shortName, version: opd.version }}
            />
          </div>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title={t("detail.facts")} />
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 p-4 text-sm sm:p-5">
              <dt className="text-muted">{t("columns.code")}</dt>
              <dd className="tabular-nums">{opd.code}</dd>
              <dt className="text-muted">{t("columns.users")}</dt>
              <dd className="tabular-nums">{formatNumber(opd._count.users, { locale })}</dd>
              <dt className="text-muted">{t("columns.programmes")}</dt>
              <dd className="tabular-nums">{formatNumber(opd._count.programmes, { locale })}</dd>
            </dl>
          </Card>
          <Card>
            <CardHeader title={t("registryRole.title")} />
            <div className="p-4 sm:p-5">
              <OpdRegistryRoleForm
                action={setOpdRegistryRoleAction.bind(null, slug)}
                opd={{ id: opd.id, decidesRegistryChanges: opd.decidesRegistryChanges }}
              />
            </div>
          </Card>
          <Card>
            <CardHeader title={t("detail.access")} />
            <div className="p-4 sm:p-5">
              <ActiveToggleForm
                fields={{ opdId: opd.id }}
                active={opd.active}
                deactivate={deactivateOpdAction.bind(null, slug)}
                reactivate={reactivateOpdAction.bind(null, slug)}
                labels={{
                  deactivateIntro: t("detail.deactivateIntro"),
                  reactivateIntro: t("detail.reactivateIntro"),
                  deactivate: t("detail.deactivate"),
                  reactivate: t("detail.reactivate"),
                }}
              />
            </div>
          </Card>
        </div>
      </div>
    </NextIntlClientProvider>
  );
}
