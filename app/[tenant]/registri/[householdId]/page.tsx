import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ChangeRequestCard } from "@/features/registry/ui/change-request-card";
import { HouseholdHistory } from "@/features/registry/ui/household-history-section";
import { HouseholdMembers, type MemberRow } from "@/features/registry/ui/household-members";
import { HouseholdTimeline, TimelineSummary } from "@/features/registry/ui/household-timeline";
import { ProposeChangeForm } from "@/features/registry/ui/propose-change-form";
import { DesilBadge, ExtremeBadge, StatusBadge } from "@/features/registry/ui/registry-badges";
import { StatusChangeForm } from "@/features/registry/ui/status-change-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { formatDateShort } from "@/lib/format";
import { ChangeBasis, Disability, Education, FamilyRelation, Sex } from "@/lib/generated/prisma/enums";
import { withQuery } from "@/lib/paths";
import { listAreaChoices } from "@/features/areas/choices";
import { CHANGE_KINDS, type ChangeKind } from "@/features/registry/change-requests/schemas";
import { listChangeRequests } from "@/features/registry/change-requests/queries";
import { getHouseholdProfile } from "@/features/registry/household/get-household";
import { getHouseholdTimeline } from "@/features/registry/household/timeline";
import { maySeePersonal, registryScope } from "@/lib/auth/scope";
import { dateToDay, todayIn, dayToDate } from "@/lib/calendar/days";
import { personView } from "@/lib/privacy/person-view";
import { availableTransitions } from "@/features/registry/status/transitions";
import { changeStatusAction, decideChangeAction, proposeChangeAction, revealPersonalAction } from "@/features/registry/actions";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { registryRoutes } from "@/features/registry/routes";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tenant: string; householdId: string }>; searchParams: Promise<{ usul?: string | string[]; anggota?: string | string[] }> };

/** The proposal a member's or the household's link opens: its kind, and the member it names. */
const MEMBER_PROPOSALS = ["MEMBER_DIED", "MEMBER_MOVED_OUT", "MEMBER_MOVED_TO_FAMILY"] as const;
const HOUSEHOLD_PROPOSALS = ["NEW_MEMBER", "DESIL_CHANGED"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Household");
  return { title: t("title") };
}

export default async function HouseholdPage({ params, searchParams }: Props) {
  const { tenant: slug, householdId } = await params;
  const user = await requireTenantPage(slug, "registry");
  const asked = readSearchParams(await searchParams);
  const scope = registryScope(user);
  const mayPropose = userCan(user, "registry:change-propose");
  const mayGraduate = userCan(user, "registry:graduate");
  const mayDecide = userCan(user, "registry:change-decide");
  const mayReport = userCan(user, "person:subject-access");

  // Looked up inside the user's city and kelurahan: anything else is "not found".
  const data = await withTenant(user.tenantId, async (tx) => {
    const timeZone = await tenantTimeZone(tx, user.tenantId);
    const seen = { view: personView(user), today: dayToDate(todayIn(timeZone)) };
    const household = await getHouseholdProfile(tx, householdId, scope, seen);
    if (!household) return null;
    const [timeline, requests, areas] = await Promise.all([
      getHouseholdTimeline(tx, household.id),
      listChangeRequests(tx, { view: "pending", householdId: household.id }, scope, seen, 10),
      mayPropose ? listAreaChoices(tx) : Promise.resolve([]),
    ]);
    return { household, timeline, requests, areas, timeZone };
  });
  if (!data) notFound();
  const { household, timeline, requests, areas, timeZone } = data;

  const [t, tr, ts, locale, messages] = await Promise.all([
    getTranslations("Household"),
    getTranslations("Registry"),
    getTranslations("SubjectAccess"),
    getLocale(),
    getMessages(),
  ]);
  const day = (date: Date) => formatDateShort(date, { locale });
  const today = todayIn(timeZone);
  const current = household.members.filter((m) => !m.departure);
  const head = current.find((m) => m.relation === "HEAD") ?? current[0];
  const proposing = mayPropose && household.status !== "DECEASED";
  const proposeHref = (kind: ChangeKind, memberId?: string) =>
    `${withQuery(registryRoutes.household(slug, household.id), { usul: kind, anggota: memberId })}#propose`;
  const members: MemberRow[] = household.members.map((m) => ({
    id: m.id,
    name: m.name,
    nikMasked: m.nikMasked,
    relation: tr(`relation.${m.relation}`),
    sex: tr(`sex.${m.sex}`),
    birth: m.birth.date ? `${m.birthPlace ? `${m.birthPlace}, ` : ""}${day(m.birth.date)} (${t("age", { age: m.birth.age })})` : t("age", { age: m.birth.age }),
    education: m.education ? tr(`education.${m.education}`) : "–",
    occupation: m.occupation ?? "–",
    disability: m.disability ? tr(`disability.${m.disability}`) : null,
    departed: m.departure ? t(`members.departed.${m.departure.kind}`, { date: day(m.departure.date) }) : null,
    actions: proposing && !m.departure ? MEMBER_PROPOSALS.map((kind) => ({ label: t(`members.actions.${kind}`), href: proposeHref(kind, m.id) })) : [],
  }));
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const askedKind = CHANGE_KINDS.find((kind) => kind === first(asked.usul));
  const askedMember = current.find((m) => m.id === first(asked.anggota))?.id;
  const state = { status: household.status, isExtremePoor: household.isExtremePoor };
  const transitions = availableTransitions(state).map((value) => ({ value, label: tr(`transition.${value}`) }));
  const lastEvent = household.statusEvents[0];
  const statusFields = {
    transitions,
    today,
    minDate: lastEvent ? dateToDay(lastEvent.effectiveDate) : undefined,
    currentDesil: household.desil,
  };
  const options = <T extends string>(values: Record<string, T>, key: "sex" | "relation" | "education" | "disability") =>
    Object.values(values).map((value) => ({ value, label: tr(`${key}.${value as "MALE"}` as never) as string }));

  return (
    <NextIntlClientProvider messages={{ Household: messages.Household, ChangeRequests: messages.ChangeRequests }}>
      <Link href={registryRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <PageHeader
        eyebrow={t("eyebrow")}
        title={head?.name ?? t("noHead")}
        description={`${household.address}${household.rt || household.rw ? `, ${tr("results.rtRw", { rt: household.rt ?? "–", rw: household.rw ?? "–" })}` : ""} · ${household.kelurahan.name}, ${tr("results.kecamatanOf", { name: household.kecamatan.name })}`}
        actions={
          mayReport ? (
            // Opening the report is audited: never prefetched.
            <Link
              href={registryRoutes.subjectAccess(slug, household.id)}
              prefetch={false}
              className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {ts("open")}
            </Link>
          ) : undefined
        }
      />
      <div className="-mt-3 mb-6 flex flex-wrap items-center gap-2">
        <DesilBadge desil={household.desil} />
        {household.isExtremePoor ? <ExtremeBadge>{tr("extreme")}</ExtremeBadge> : null}
        <StatusBadge status={household.status} />
        <span className="text-sm text-muted">
          {t("source", { source: tr(`registrySource.${household.registrySource}`) })}
          {household.statusChangedAt ? ` · ${t("statusSince", { date: day(household.statusChangedAt) })}` : ""}
        </span>
      </div>

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-3">
          <CardHeader id="members" title={t("members.title", { count: current.length })} />
          <HouseholdMembers
            householdId={household.id}
            noKkMasked={household.noKkMasked}
            members={members}
            reveal={maySeePersonal(user) ? revealPersonalAction.bind(null, slug) : undefined}
          />
          {proposing ? (
            <p className="flex flex-wrap gap-x-4 gap-y-1 border-t border-line px-4 py-3 text-sm sm:px-5">
              {HOUSEHOLD_PROPOSALS.map((kind) => (
                <Link key={kind} href={proposeHref(kind)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {t(`members.actions.${kind}`)}
                </Link>
              ))}
            </p>
          ) : null}
        </Card>

        <Card className="lg:col-span-2">
          <CardHeader id="timeline" title={t("timeline.title")} description={t("timeline.intro")} />
          <TimelineSummary entries={timeline.entries} />
          <HouseholdTimeline entries={timeline.entries} truncated={timeline.truncated} />
        </Card>

        <div className="space-y-6">
          <HouseholdHistory statusEvents={household.statusEvents} desilChanges={household.desilChanges} />
          {mayGraduate ? (
            <Card>
              <CardHeader id="status" title={t("status.title")} description={t("status.intro")} />
              <div className="p-4 sm:p-5">
                <StatusChangeForm action={changeStatusAction.bind(null, slug)} householdId={household.id} {...statusFields} />
              </div>
            </Card>
          ) : null}
        </div>

        {mayPropose || requests.rows.length > 0 ? (
          <section aria-labelledby="requests" className="space-y-4 lg:col-span-3">
            <h2 id="requests" className="text-lg font-semibold text-ink">
              {t("requests.title")}
            </h2>
            {requests.rows.length === 0 ? <p className="text-sm text-muted">{t("requests.none")}</p> : null}
            {requests.rows.map((request) => (
              <ChangeRequestCard
                key={request.id}
                request={request}
                tenantSlug={slug}
                timeZone={timeZone}
                showHousehold={false}
                decide={mayDecide ? decideChangeAction.bind(null, slug) : undefined}
              />
            ))}
            {proposing ? (
              <Card>
                <CardHeader id="propose" title={t("propose.title")} description={t("propose.intro")} />
                <div className="p-4 sm:p-5">
                  <ProposeChangeForm
                    key={`${askedKind ?? ""}-${askedMember ?? ""}`}
                    initial={{ kind: askedKind, memberId: askedMember }}
                    action={proposeChangeAction.bind(null, slug)}
                    householdId={household.id}
                    address={{ address: household.address, rt: household.rt, rw: household.rw }}
                    status={statusFields}
                    choices={{
                      kinds: CHANGE_KINDS.map((value) => ({ value, label: tr(`changeKind.${value}`) })),
                      sex: options(Sex, "sex"),
                      relation: options(FamilyRelation, "relation"),
                      education: options(Education, "education"),
                      disability: options(Disability, "disability"),
                      members: current.map((m) => ({ value: m.id, label: `${m.name} (${tr(`relation.${m.relation}`)})` })),
                      basis: Object.values(ChangeBasis).map((value) => ({ value, label: tr(`changeBasis.${value}`) })),
                      kelurahan: areas.map((k) => ({
                        kecamatan: k.name,
                        options: k.kelurahan.filter((l) => l.id !== household.kelurahan.id).map((l) => ({ value: l.id, label: l.name })),
                      })),
                    }}
                  />
                </div>
              </Card>
            ) : null}
          </section>
        ) : null}
      </div>
    </NextIntlClientProvider>
  );
}
