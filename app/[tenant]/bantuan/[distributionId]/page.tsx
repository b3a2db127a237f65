import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ReversalForm } from "@/features/budget/ui/reversal-form";
import { EntryHistory } from "@/components/entries/entry-history";
import { ReturnForm } from "@/components/entries/return-form";
import { ReturnedBadge, ReturnedNote } from "@/components/entries/returned-note";
import { entryHistory } from "@/lib/entries/history";
import { ActionButton } from "@/components/ui/action-button";
import { LinkButton } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDistribution } from "@/features/aid/queries";
import { recipientChoices, writableProgrammes } from "@/features/aid/recipient";
import { DistributionForm } from "@/features/aid/ui/distribution-form";
import { AID_KINDS } from "@/features/aid/schemas";
import { maskNumber } from "@/lib/privacy/person-view";
import { cityToday } from "@/lib/calendar/city-today";
import { dateToDay } from "@/lib/calendar/days";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";
import { bpjsFacts } from "@/features/aid/ui/bpjs-facts";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { userNames } from "@/features/users/queries";
import { withTenant } from "@/lib/db";
import { deleteProblem, editProblem, isReversal, reversalProblem, type Entry } from "@/lib/entries/rules";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { formatDateShort, formatMonth, formatNumber, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { maySeePersonal, programmeScope, registryScope } from "@/lib/auth/scope";
import {
  deleteDistributionAction,
  resubmitDistributionAction,
  returnDistributionAction,
  reverseDistributionAction,
  updateDistributionAction,
  verifyDistributionsAction,
} from "@/features/aid/actions";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { aidRoutes } from "@/features/aid/routes";
import { registryRoutes } from "@/features/registry/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string; distributionId: string }>;
  /** ubah=1: the draft's edit form. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Aid");
  return { title: t("title") };
}

/** Whether `user` may fix the draft: a writer of its own OPD, while it is a draft that is not a reversal. */
const mayEdit = (user: TenantSessionUser, entry: Entry & { opdId: string }) =>
  user.opdId !== null && userCan(user, "entry:write") && user.opdId === entry.opdId && !editProblem(entry);

export default async function DistributionPage({ params, searchParams }: Props) {
  const { tenant: slug, distributionId } = await params;
  const user = await requireTenantPage(slug, "aid");
  const wantsEdit = firstParam(readSearchParams(await searchParams).ubah) === "1";
  const data = await withTenant(user.tenantId, async (tx) => {
    // Another OPD's distribution is "not found" for OPD roles.
    const entry = await getDistribution(tx, programmeScope(user), distributionId);
    if (!entry) return null;
    const [names, timeZone, history] = await Promise.all([
      userNames(tx, [entry.createdById, entry.verifiedById, entry.returnedById]),
      tenantTimeZone(tx, user.tenantId),
      entryHistory(tx, "AidDistribution", entry.id),
    ]);
    // The creation form's choices, for the draft being fixed.
    const editing =
      wantsEdit && user.opdId !== null && mayEdit(user, entry)
        ? await (async () => {
            const today = await cityToday(tx, user.tenantId);
            const [recipient, programmes] = await Promise.all([
              recipientChoices(tx, entry.household.id, registryScope(user), today),
              writableProgrammes(tx, entry.opdId),
            ]);
            return recipient ? { recipient, programmes, today: dateToDay(today) } : null;
          })()
        : null;
    return { entry, names, timeZone, history, editing };
  });
  if (!data) notFound();
  const { entry, names, timeZone, history, editing } = data;

  const [t, te, tp, tr, locale, messages] = await Promise.all([
    getTranslations("Aid"),
    getTranslations("Entries"),
    getTranslations("Programmes"),
    getTranslations("Registry"),
    getLocale() as Promise<AppLocale>,
    getMessages(),
  ]);
  const own = user.opdId !== null && userCan(user, "entry:write") && user.opdId === entry.opdId;
  const canDelete = own && !deleteProblem(entry);
  const canVerify = own && entry.status === "DRAFT" && userCan(user, "entry:verify");
  const canResubmit = own && entry.status === "DRAFT" && entry.returnNote !== null;
  const canReverse = own && !reversalProblem(entry, entry.reversal !== null);
  const canEdit = mayEdit(user, entry);
  const path = aidRoutes.detail(slug, entry.id);
  const byAt = (id: string | null, date: Date | null) =>
    date ? t("detail.byAt", { name: (id && names.get(id)) || "–", date: formatDateShort(date, { locale, timeZone }) }) : t("detail.none");

  const facts: [string, React.ReactNode][] = [
    [
      t("detail.recipient"),
      <>
        <Link href={registryRoutes.household(slug, entry.household.id)} className="text-brand-700 underline-offset-2 hover:underline">
          {entry.household.headName ?? t("list.noHead")}
        </Link>
        <span className="block font-mono text-xs text-muted">
          {entry.household.noKkMasked} · {entry.household.kelurahan}
        </span>
      </>,
    ],
    [t("detail.member"), entry.member?.name ?? t("form.wholeHousehold")],
    [t("detail.kind"), t(`kinds.${entry.kind}`)],
    [t("detail.items"), entry.items],
    [t("detail.quantity"), formatNumber(entry.quantity, { locale })],
    [
      t("detail.value"),
      <span key="v" className="tabular-nums">
        {formatRupiah(entry.value, { locale })}
      </span>,
    ],
    [t("detail.date"), formatDateShort(entry.distributedAt, { locale })],
    [t("detail.handedOverBy"), entry.handedOverBy ?? t("detail.none")],
    [t("detail.proofRef"), entry.proofRef ?? t("detail.none")],
    ...(entry.partnerName ? [[t("detail.partner"), entry.partnerName] as [string, React.ReactNode]] : []),
    ...(entry.monthsCovered ? [[t("detail.monthsCovered"), t("detail.monthsValue", { count: entry.monthsCovered })] as [string, React.ReactNode]] : []),
    ...bpjsFacts(entry, {
      showNumber: maySeePersonal(user),
      month: (date) => formatMonth(date, { locale }),
      money: (amount) => formatRupiah(amount, { locale }),
      t: (key, values) => t(`detail.${key}`, values),
    }),
    [
      t("detail.budgetLine"),
      entry.budgetLine ? (
        <>
          {tp(`sources.${entry.budgetLine.fundingSource}`)}: <span data-user-content>{entry.budgetLine.description}</span>
        </>
      ) : (
        t("detail.none")
      ),
    ],
    ...(entry.participant
      ? [
          [t("detail.training"), `${entry.participant.training.skill} (${formatDateShort(entry.participant.training.startDate, { locale })})`] as [
            string,
            React.ReactNode,
          ],
        ]
      : []),
    [t("detail.note"), entry.note ?? t("detail.none")],
    [t("detail.entered"), byAt(entry.createdById, entry.createdAt)],
    [t("detail.verified"), byAt(entry.verifiedById, entry.verifiedAt)],
  ];

  return (
    <>
      <Link
        href={aidRoutes.list(slug, { tahun: entry.programme.fiscalYear })}
        className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {t("detail.back")}
      </Link>
      <PageHeader
        eyebrow={t("detail.eyebrow", { opd: entry.opd.shortName, programme: entry.programme.name })}
        title={`${t(`kinds.${entry.kind}`)} — ${formatDateShort(entry.distributedAt, { locale })}`}
        actions={
          <>
            {canEdit && !editing ? (
              <LinkButton href={aidRoutes.detail(slug, entry.id, { ubah: 1 })} variant="secondary">
                {te("edit")}
              </LinkButton>
            ) : null}
            {canVerify ? (
              <ActionButton action={verifyDistributionsAction.bind(null, slug)} fields={{ ids: entry.id }} variant="primary">
                {t("verify.one")}
              </ActionButton>
            ) : null}
            {canResubmit ? (
              <ActionButton action={resubmitDistributionAction.bind(null, slug)} fields={{ distributionId: entry.id }} variant="secondary">
                {te("resubmit")}
              </ActionButton>
            ) : null}
            {canDelete ? (
              <ActionButton
                action={deleteDistributionAction.bind(null, slug)}
                fields={{ distributionId: entry.id }}
                variant="danger"
                confirm={t("detail.deleteConfirm")}
                redirectTo={aidRoutes.list(slug)}
              >
                {t("detail.delete")}
              </ActionButton>
            ) : null}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <Badge tone={entry.status === "VERIFIED" ? "positive" : "neutral"}>{t(`status.${entry.status}`)}</Badge>
        <ReturnedBadge entry={entry} />
        {isReversal(entry) ? <Badge tone="muted">{t("status.reversal")}</Badge> : null}
        {entry.reversal ? <Badge tone="muted">{t("status.reversed")}</Badge> : null}
      </div>
      {entry.status === "DRAFT" && entry.returnNote !== null ? (
        <div className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-3 py-2">
          <ReturnedNote entry={{ ...entry, returnedByName: entry.returnedById ? (names.get(entry.returnedById) ?? null) : null }} timeZone={timeZone} />
          {own ? <p className="mt-1 text-sm text-amber-950">{te("fixHint")}</p> : null}
        </div>
      ) : null}
      {entry.duplicateAcknowledged ? (
        <p className="mb-4 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("detail.duplicateAcknowledged")}</p>
      ) : null}
      {entry.reversesId ? (
        <p className="mb-4 text-sm">
          <Link href={aidRoutes.detail(slug, entry.reversesId)} className="text-brand-700 underline-offset-2 hover:underline">
            {t("detail.reverses")}
          </Link>
        </p>
      ) : null}
      {entry.reversal ? (
        <p className="mb-4 text-sm">
          <Link href={aidRoutes.detail(slug, entry.reversal.id)} className="text-brand-700 underline-offset-2 hover:underline">
            {t("detail.reversedBy")}
          </Link>
        </p>
      ) : null}

      {editing ? (
        <Card className="mb-6">
          <CardHeader title={t("detail.editTitle")} description={entry.returnNote !== null ? te("fixHint") : t("detail.editIntro")} />
          <div className="p-4 sm:p-5">
            <NextIntlClientProvider messages={{ Aid: messages.Aid }}>
              <DistributionForm
                action={updateDistributionAction.bind(null, slug)}
                householdId={entry.household.id}
                programmes={editing.programmes.map((p) => ({ id: p.id, label: `${p.name} (${p.fiscalYear})` }))}
                budgetLines={editing.programmes.flatMap((p) =>
                  p.budgetLines.map((line) => ({
                    id: line.id,
                    label: `${p.name} (${p.fiscalYear}) — ${tp(`sources.${line.fundingSource}`)}${line.partnerName ? ` (${line.partnerName})` : ""}: ${line.description}`,
                  })),
                )}
                members={editing.recipient.members.map((m) => ({
                  id: m.id,
                  label: t("new.memberChoice", { name: m.name, relation: tr(`relation.${m.relation}`), age: m.age, nik: m.nikMasked }),
                }))}
                participations={editing.recipient.participations.map((p) => ({
                  id: p.id,
                  label: `${p.skill} — ${p.memberName} (${p.opd}, ${formatDateShort(p.startDate, { locale })})`,
                }))}
                kinds={AID_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
                defaultDate={editing.today}
                edit={{
                  doneHref: path,
                  draft: {
                    id: entry.id,
                    version: entry.version,
                    programmeId: entry.programme.id,
                    budgetLineId: entry.budgetLineId,
                    memberId: entry.memberId,
                    trainingParticipantId: entry.trainingParticipantId,
                    kind: entry.kind,
                    items: entry.items,
                    quantity: String(entry.quantity),
                    value: formatNumber(entry.value),
                    distributedAt: dateToDay(entry.distributedAt),
                    handedOverBy: entry.handedOverBy,
                    proofRef: entry.proofRef,
                    partnerName: entry.partnerName,
                    monthsCovered: entry.monthsCovered === null ? null : String(entry.monthsCovered),
                    // A clerk who may not see the number leaves it blank to keep it.
                    bpjsNumber: maySeePersonal(user) ? entry.bpjsNumber : null,
                    bpjsNumberMasked: entry.bpjsNumber && !maySeePersonal(user) ? maskNumber(entry.bpjsNumber) : null,
                    coverageStart: entry.coverageStart ? dateToDay(entry.coverageStart).slice(0, 7) : null,
                    premiumPerMonth: entry.premiumPerMonth === null ? null : formatNumber(entry.premiumPerMonth),
                    note: entry.note,
                  },
                }}
              />
            </NextIntlClientProvider>
          </div>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("detail.facts")} />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 sm:p-5 lg:grid-cols-3">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-muted">{label}</dt>
              <dd className="mt-0.5">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      {canVerify ? (
        <Card className="mt-6">
          <CardHeader title={te("return.title")} description={te("return.intro")} />
          <div className="p-4 sm:p-5">
            <NextIntlClientProvider messages={{ Entries: messages.Entries }}>
              <ReturnForm action={returnDistributionAction.bind(null, slug)} entryId={entry.id} idName="distributionId" doneHref={path} />
            </NextIntlClientProvider>
          </div>
        </Card>
      ) : null}

      <Card className="mt-6">
        <div className="p-4 sm:p-5">
          <EntryHistory events={history} timeZone={timeZone} />
        </div>
      </Card>

      {canReverse ? (
        <Card className="mt-6">
          <CardHeader title={t("detail.reverseTitle")} description={t("detail.reverseIntro")} />
          <div className="p-4 sm:p-5">
            <NextIntlClientProvider messages={{ Budget: { reverse: messages.Budget.reverse } }}>
              <ReversalForm
                action={reverseDistributionAction.bind(null, slug)}
                entryId={entry.id}
                idName="distributionId"
                reasonPlaceholder={t("detail.reasonPlaceholder")}
                doneHref={path}
              />
            </NextIntlClientProvider>
          </div>
        </Card>
      ) : null}
    </>
  );
}
