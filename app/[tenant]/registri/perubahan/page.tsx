import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { ChangeRequestCard } from "@/features/registry/ui/change-request-card";
import { FormNotice } from "@/components/ui/form-alert";
import { cx } from "@/components/ui/class-names";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { userCan } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db";
import { countPendingChangeRequests, listChangeRequests } from "@/features/registry/change-requests/queries";
import { registryScope } from "@/lib/auth/scope";
import { z } from "@/lib/validation/zod";
import { decideChangeAction } from "@/features/registry/actions";
import { firstParam as first, readSearchParams } from "@/lib/validation/search-params";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { dayToDate, todayIn } from "@/lib/calendar/days";
import { personView } from "@/lib/privacy/person-view";
import { registryRoutes } from "@/features/registry/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const searchSchema = z.object({
  view: z.enum(["pending", "decided"]).catch("pending"),
  after: z
    .string()
    .regex(/^[a-z0-9]{8,40}$/i)
    .optional()
    .catch(undefined),
  decided: z.enum(["APPROVE", "REJECT"]).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ChangeRequests");
  return { title: t("title") };
}

export default async function ChangeRequestsPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "changeRequests");
  const raw = readSearchParams(await searchParams);
  const filter = searchSchema.parse({ view: first(raw.view), after: first(raw.after), decided: first(raw.decided) });
  const scope = registryScope(user);
  const mayDecide = userCan(user, "registry:change-decide");

  const { list, pending, timeZone } = await withTenant(user.tenantId, async (tx) => {
    const timeZone = await tenantTimeZone(tx, user.tenantId);
    const [list, pending] = await Promise.all([
      listChangeRequests(tx, filter, scope, { view: personView(user), today: dayToDate(todayIn(timeZone)) }),
      countPendingChangeRequests(tx, scope),
    ]);
    return { list, pending, timeZone };
  });
  const [t, messages] = await Promise.all([getTranslations("ChangeRequests"), getMessages()]);
  const tab = (view: "pending" | "decided") => registryRoutes.changeRequests(slug, view === "pending" ? undefined : { view });

  return (
    <NextIntlClientProvider messages={{ ChangeRequests: messages.ChangeRequests }}>
      <PageHeader
        title={t("title")}
        description={user.role === "KELURAHAN" ? t("introKelurahan") : t("intro")}
        actions={
          <LinkButton href={registryRoutes.list(slug)} variant="secondary">
            {t("toRegistry")}
          </LinkButton>
        }
      />
      <nav aria-label={t("tabs.label")} className="mb-4 flex gap-1 border-b border-line">
        {(["pending", "decided"] as const).map((view) => (
          <Link
            key={view}
            href={tab(view)}
            aria-current={filter.view === view ? "page" : undefined}
            className={cx(
              "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
              filter.view === view ? "border-brand-700 text-brand-800" : "border-transparent text-muted hover:text-ink",
            )}
          >
            {view === "pending" ? t("tabs.pending", { count: pending }) : t("tabs.decided")}
          </Link>
        ))}
      </nav>
      {filter.decided ? (
        <div className="mb-4">
          <FormNotice>{t(filter.decided === "APPROVE" ? "approvedNotice" : "rejectedNotice")}</FormNotice>
        </div>
      ) : null}
      {list.rows.length === 0 ? (
        <p className="rounded-lg border border-line bg-white p-5 text-muted">{filter.view === "pending" ? t("emptyPending") : t("emptyDecided")}</p>
      ) : (
        <div className="space-y-4">
          {list.rows.map((request) => (
            <ChangeRequestCard
              key={request.id}
              request={request}
              tenantSlug={slug}
              timeZone={timeZone}
              decide={mayDecide ? decideChangeAction.bind(null, slug) : undefined}
              doneHref={registryRoutes.changeRequests(slug)}
            />
          ))}
        </div>
      )}
      <nav aria-label={t("pagination")} className="mt-4 flex justify-end gap-2">
        {filter.after ? (
          <LinkButton href={tab(filter.view)} variant="secondary">
            {t("first")}
          </LinkButton>
        ) : null}
        {list.nextAfter ? (
          <LinkButton
            href={registryRoutes.changeRequests(slug, { view: filter.view === "decided" ? "decided" : undefined, after: list.nextAfter })}
            variant="secondary"
            rel="next"
          >
            {t("next")} →
          </LinkButton>
        ) : null}
      </nav>
    </NextIntlClientProvider>
  );
}
