import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { OpdForm } from "@/features/opds/ui/opd-form";
import { OpdsTable } from "@/features/opds/ui/opds-table";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { listOpds } from "@/features/opds/queries";
import { createOpdAction } from "@/features/opds/actions";
import { opdsRoutes, WITHOUT_HEAD_ONLY } from "@/features/opds/routes";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Opds");
  return { title: t("title") };
}

export default async function OpdsPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "opds");
  const withoutHead = firstParam(readSearchParams(await searchParams).tanpaKepala) === WITHOUT_HEAD_ONLY.tanpaKepala;
  const [t, messages, opds] = await Promise.all([getTranslations("Opds"), getMessages(), withTenant(user.tenantId, (tx) => listOpds(tx, { withoutHead }))]);
  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      {withoutHead ? (
        <p className="mb-3 text-sm text-muted">
          {t("withoutHeadOnly")}{" "}
          <Link href={opdsRoutes.list(slug)} className="font-medium text-brand-700 underline underline-offset-2">
            {t("showAll")}
          </Link>
        </p>
      ) : null}
      <OpdsTable opds={opds} tenantSlug={slug} />
      <Card className="mt-6">
        <CardHeader title={t("add")} description={t("addIntro")} />
        <div className="p-4 sm:p-5">
          <NextIntlClientProvider messages={{ Opds: messages.Opds }}>
            <OpdForm mode="create" action={createOpdAction.bind(null, slug)} />
          </NextIntlClientProvider>
        </div>
      </Card>
    </>
  );
}
