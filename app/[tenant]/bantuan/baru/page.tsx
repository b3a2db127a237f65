import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { DistributionForm } from "@/features/aid/ui/distribution-form";
import { HouseholdPicker } from "@/features/aid/ui/household-picker";
import { ExtremeBadge } from "@/features/registry/ui/registry-badges";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { recipientChoices, writableProgrammes } from "@/features/aid/recipient";
import { AID_KINDS } from "@/features/aid/schemas";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatDateShort } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { registryScope } from "@/lib/auth/scope";
import { dateToDay } from "@/lib/calendar/days";
import { cityToday } from "@/lib/calendar/city-today";
import { parseRegistrySearchParams } from "@/features/registry/search/schema";
import { searchHouseholds } from "@/features/registry/search/search-households";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";
import { createDistributionAction } from "@/features/aid/actions";
import { aidRoutes } from "@/features/aid/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Aid");
  return { title: t("new.title") };
}

const PICKER_SIZE = 10;

export default async function NewDistributionPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "aid");
  if (!userCan(user, "entry:write") || !user.opdId) notFound();
  const opdId = user.opdId;
  const query = readSearchParams(await searchParams, ["q"]);
  const search = parseRegistrySearchParams({ q: (firstParam(query.q) ?? "").trim() });
  const q = search.q ?? "";
  const picked = firstParam(query.rumahTangga);
  const participantId = firstParam(query.peserta);

  const data = await withTenant(user.tenantId, async (tx) => {
    const today = await cityToday(tx, user.tenantId);
    const [results, recipient, programmes] = await Promise.all([
      search.text.kind !== "none"
        ? searchHouseholds(tx, search, { tenantId: user.tenantId, scope: registryScope(user), pageSize: PICKER_SIZE, countCap: PICKER_SIZE })
        : null,
      picked ? recipientChoices(tx, picked, registryScope(user), today) : null,
      writableProgrammes(tx, opdId),
    ]);
    return { results, recipient, programmes, today: dateToDay(today) };
  });

  const [t, tp, tr, locale, messages] = await Promise.all([
    getTranslations("Aid"),
    getTranslations("Programmes"),
    getTranslations("Registry"),
    getLocale() as Promise<AppLocale>,
    getMessages(),
  ]);
  const path = aidRoutes.create(slug);
  const { recipient } = data;
  const participation = recipient?.participations.find((p) => p.id === participantId);
  const preset = participation ? { kind: "EQUIPMENT", memberId: participation.memberId, trainingParticipantId: participation.id } : undefined;
  const pickHref = (householdId: string) => aidRoutes.create(slug, { q: q || undefined, rumahTangga: householdId });

  return (
    <>
      <Link href={aidRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("new.back")}
      </Link>
      <PageHeader title={t("new.title")} description={t("new.description")} />

      <Card>
        <CardHeader title={t("new.step1")} description={t("new.step1Intro")} />
        <div className="p-4 sm:p-5">
          <HouseholdPicker
            path={path}
            keep={picked ? { rumahTangga: picked } : {}}
            q={q}
            rows={data.results?.rows ?? []}
            searched={search.text.kind !== "none"}
            pickHref={pickHref}
          />
        </div>
      </Card>

      {picked && !recipient ? <p className="mt-4 text-muted">{t("new.notFound")}</p> : null}
      {recipient ? (
        <Card className="mt-6">
          <CardHeader title={t("new.step2")} description={t("new.step2Intro")} />
          <div className="space-y-4 p-4 sm:p-5">
            <section aria-label={t("new.recipient")} className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm">
              <p className="font-semibold text-ink">
                {recipient.members.find((m) => m.relation === "HEAD")?.name ?? t("list.noHead")}{" "}
                <span className="font-mono font-normal text-muted">{recipient.noKkMasked}</span>
              </p>
              <p className="flex flex-wrap items-center gap-2 text-muted">
                {recipient.address} · {recipient.kelurahan}
                {recipient.desil !== null ? ` · ${tr("desilValue", { desil: recipient.desil })}` : ""}
                {recipient.isExtremePoor ? <ExtremeBadge>{tr("extreme")}</ExtremeBadge> : null}
              </p>
            </section>
            {data.programmes.length === 0 ? (
              <p className="text-muted">{t("new.noProgrammes")}</p>
            ) : (
              <NextIntlClientProvider messages={{ Aid: messages.Aid }}>
                <DistributionForm
                  action={createDistributionAction.bind(null, slug)}
                  householdId={recipient.id}
                  programmes={data.programmes.map((p) => ({ id: p.id, label: `${p.name} (${p.fiscalYear})` }))}
                  budgetLines={data.programmes.flatMap((p) =>
                    p.budgetLines.map((line) => ({
                      id: line.id,
                      label: `${p.name} (${p.fiscalYear}) — ${tp(`sources.${line.fundingSource}`)}${line.partnerName ? ` (${line.partnerName})` : ""}: ${line.description}`,
                    })),
                  )}
                  members={recipient.members.map((m) => ({
                    id: m.id,
                    label: t("new.memberChoice", { name: m.name, relation: tr(`relation.${m.relation}`), age: m.age, nik: m.nikMasked }),
                  }))}
                  participations={recipient.participations.map((p) => ({
                    id: p.id,
                    label: `${p.skill} — ${p.memberName} (${p.opd}, ${formatDateShort(p.startDate, { locale })})`,
                  }))}
                  kinds={AID_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
                  defaultDate={data.today}
                  preset={preset}
                />
              </NextIntlClientProvider>
            )}
          </div>
        </Card>
      ) : null}
    </>
  );
}
