import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { ProgrammeForm } from "@/features/programmes/ui/programme-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { cityFiscalYears, shownFiscalYear } from "@/lib/calendar/city-fiscal-year";
import { withTenant } from "@/lib/db";
import { PROGRAMME_KINDS, TARGET_UNITS } from "@/features/programmes/schemas";
import { parseYearParam } from "@/lib/calendar/fiscal-year";
import { createProgrammeAction } from "@/features/programmes/actions";
import { programmesRoutes } from "@/features/programmes/routes";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Programmes");
  return { title: t("add") };
}

export default async function NewProgrammePage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "programmes");
  // Only an OPD's own staff and head add its programmes.
  if (!userCan(user, "programme:write") || !user.opdId) notFound();
  const opdId = user.opdId;
  const { opd, fiscalYears } = await withTenant(user.tenantId, async (tx) => ({
    opd: await tx.opd.findFirst({ where: { id: opdId }, select: { name: true, shortName: true } }),
    fiscalYears: await cityFiscalYears(tx, user.tenantId),
  }));
  if (!opd) notFound();
  const year = shownFiscalYear(parseYearParam(readSearchParams(await searchParams).tahun), fiscalYears);
  const [t, messages] = await Promise.all([getTranslations("Programmes"), getMessages()]);

  return (
    <>
      <Link
        href={programmesRoutes.list(slug, { tahun: year })}
        className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {t("detail.backToList")}
      </Link>
      <PageHeader eyebrow={opd.shortName} title={t("add")} />
      <Card className="max-w-3xl p-5 sm:p-6">
        <NextIntlClientProvider messages={{ Programmes: messages.Programmes }}>
          <ProgrammeForm
            action={createProgrammeAction.bind(null, slug)}
            tenantSlug={slug}
            opdName={opd.name}
            kinds={PROGRAMME_KINDS}
            units={TARGET_UNITS}
            defaultYear={year}
          />
        </NextIntlClientProvider>
      </Card>
    </>
  );
}
