import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { DuplicateCard } from "@/features/registry/ui/duplicate-card";
import { ScanDuplicatesForm } from "@/features/registry/ui/duplicate-forms";
import { FormNotice } from "@/components/ui/form-alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { PageHeader } from "@/components/ui/page-header";
import { requireTenantPage } from "@/lib/auth/guard";
import { withTenant } from "@/lib/db";
import { dayToDate, todayIn } from "@/lib/calendar/days";
import { personView } from "@/lib/privacy/person-view";
import { listDuplicates } from "@/features/registry/duplicates/queries";
import { z } from "@/lib/validation/zod";
import { resolveDuplicateAction, scanDuplicatesAction } from "@/features/registry/actions";
import { firstParam as first, readSearchParams } from "@/lib/validation/search-params";
import { tenantTimeZone } from "@/lib/tenant/time-zone";
import { registryRoutes } from "@/features/registry/routes";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const searchSchema = z.object({
  view: z.enum(["open", "resolved"]).catch("open"),
  after: z
    .string()
    .regex(/^[a-z0-9]{8,40}$/i)
    .optional()
    .catch(undefined),
  resolved: z.enum(["MERGED", "DISMISSED"]).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Duplicates");
  return { title: t("title") };
}

export default async function DuplicatesPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "duplicates");
  const raw = readSearchParams(await searchParams);
  const filter = searchSchema.parse({ view: first(raw.view), after: first(raw.after), resolved: first(raw.resolved) });

  const { list, timeZone } = await withTenant(user.tenantId, async (tx) => {
    const timeZone = await tenantTimeZone(tx, user.tenantId);
    const list = await listDuplicates(tx, filter, { view: personView(user), today: dayToDate(todayIn(timeZone)) });
    return { list, timeZone };
  });
  const [t, messages] = await Promise.all([getTranslations("Duplicates"), getMessages()]);
  const tab = (view: "open" | "resolved") => registryRoutes.duplicates(slug, view === "open" ? undefined : { view });

  return (
    <NextIntlClientProvider messages={{ Duplicates: messages.Duplicates }}>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <LinkButton href={registryRoutes.list(slug)} variant="secondary">
            {t("toRegistry")}
          </LinkButton>
        }
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <nav aria-label={t("tabs.label")} className="mb-4 flex gap-1 border-b border-line">
            {(["open", "resolved"] as const).map((view) => (
              <Link
                key={view}
                href={tab(view)}
                aria-current={filter.view === view ? "page" : undefined}
                className={cx(
                  "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
                  filter.view === view ? "border-brand-700 text-brand-800" : "border-transparent text-muted hover:text-ink",
                )}
              >
                {view === "open" ? t("tabs.open", { count: list.open }) : t("tabs.resolved")}
              </Link>
            ))}
          </nav>
          {filter.resolved ? (
            <div className="mb-4">
              <FormNotice>{t(filter.resolved === "MERGED" ? "mergedNotice" : "dismissedNotice")}</FormNotice>
            </div>
          ) : null}
          {list.rows.length === 0 ? (
            <p className="rounded-lg border border-line bg-white p-5 text-muted">{filter.view === "open" ? t("emptyOpen") : t("emptyResolved")}</p>
          ) : (
            <div className="space-y-4">
              {list.rows.map((candidate) => (
                <DuplicateCard
                  key={candidate.id}
                  candidate={candidate}
                  tenantSlug={slug}
                  timeZone={timeZone}
                  resolve={resolveDuplicateAction.bind(null, slug)}
                  doneHref={registryRoutes.duplicates(slug)}
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
                href={registryRoutes.duplicates(slug, { view: filter.view === "resolved" ? "resolved" : undefined, after: list.nextAfter })}
                variant="secondary"
                rel="next"
              >
                {t("next")} →
              </LinkButton>
            ) : null}
          </nav>
        </div>
        <Card>
          <CardHeader id="scan" title={t("scan.title")} description={t("scan.intro")} />
          <div className="p-4 sm:p-5">
            <ScanDuplicatesForm action={scanDuplicatesAction.bind(null, slug)} />
          </div>
        </Card>
      </div>
    </NextIntlClientProvider>
  );
}
