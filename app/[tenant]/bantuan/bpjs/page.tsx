import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { coverEndingThisMonth, coveredTwice } from "@/features/aid/bpjs-cover";
import { aidRoutes } from "@/features/aid/routes";
import { EndingTable, Pager, TwiceTable, type CoverLine } from "@/features/aid/ui/bpjs-lists";
import { registryRoutes } from "@/features/registry/routes";
import { requireTenantPage } from "@/lib/auth/guard";
import { programmeScope } from "@/lib/auth/scope";
import { monthName } from "@/lib/calendar/months";
import { withTenant } from "@/lib/db";
import { formatMonth, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { firstParam, readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Aid.bpjs");
  return { title: t("title") };
}

/** A page number from the query: a whole number from 1, else 1. */
const pageParam = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : 1);

export default async function BpjsCoverPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "aid");
  const query = readSearchParams(await searchParams);
  const pages = { akhir: pageParam(firstParam(query.akhir)), ganda: pageParam(firstParam(query.ganda)) };
  const scope = programmeScope(user);

  const { ending, twice } = await withTenant(user.tenantId, async (tx) => ({
    ending: await coverEndingThisMonth(tx, { tenantId: user.tenantId, scope, page: pages.akhir }),
    twice: await coveredTwice(tx, { tenantId: user.tenantId, scope, page: pages.ganda }),
  }));

  const [t, locale] = await Promise.all([getTranslations("Aid.bpjs"), getLocale() as Promise<AppLocale>]);
  const number = (value: number) => formatNumber(value, { locale });
  const line = (
    cover: {
      distributionId: string | null;
      opd: string;
      programme: string | null;
      coverageStart: Date;
      coverageEnd: Date;
      monthsCovered: number;
      bpjsNumber: string | null;
    },
    index = 0,
  ): CoverLine => ({
    key: cover.distributionId ?? `other-${index}`,
    href: cover.distributionId ? aidRoutes.detail(slug, cover.distributionId) : null,
    opd: cover.opd,
    programme: cover.programme,
    period: t("period", { start: formatMonth(cover.coverageStart, { locale }), end: formatMonth(cover.coverageEnd, { locale }) }),
    months: number(cover.monthsCovered),
    bpjsNumber: cover.bpjsNumber ?? "–",
  });
  const words = {
    member: t("columns.member"),
    bpjsNumber: t("columns.bpjsNumber"),
    opd: t("columns.opd"),
    programme: t("columns.programme"),
    period: t("columns.period"),
    months: t("columns.months"),
    covers: t("columns.covers"),
    otherOpd: t("otherOpd"),
  };
  const to = (list: "akhir" | "ganda", page: number) => aidRoutes.bpjs(slug, { ...pages, [list]: page });
  const pager = (list: "akhir" | "ganda", result: { page: number; pageCount: number }) => ({
    label: t("pages", { page: result.page, pages: Math.max(1, result.pageCount) }),
    previous: result.page > 1 ? { href: to(list, result.page - 1), text: t("previous") } : null,
    next: result.page < result.pageCount ? { href: to(list, result.page + 1), text: t("next") } : null,
  });
  const endingTitle = t("ending.title", { month: `${monthName(ending.month.month, locale)} ${ending.month.year}`, count: ending.count });
  const twiceTitle = t("twice.title", { count: twice.count });
  const endingPager = pager("akhir", ending);
  const twicePager = pager("ganda", twice);

  return (
    <>
      <Link href={aidRoutes.list(slug)} className="mb-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />

      <section aria-labelledby="bpjs-ending" className="mt-6">
        <h2 id="bpjs-ending" className="text-lg font-semibold text-ink">
          {endingTitle}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("ending.intro")}</p>
        <EndingTable
          label={endingTitle}
          words={words}
          empty={t("ending.none")}
          rows={ending.rows.map((row) => ({
            key: row.distributionId,
            member: row.memberName,
            memberHref: registryRoutes.household(slug, row.householdId),
            cover: line(row),
          }))}
        />
        <Pager label={endingPager.label} previous={endingPager.previous} next={endingPager.next}>
          {endingPager.label}
        </Pager>
      </section>

      <section aria-labelledby="bpjs-twice" className="mt-8">
        <h2 id="bpjs-twice" className="text-lg font-semibold text-ink">
          {twiceTitle}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("twice.intro")}</p>
        <TwiceTable
          label={twiceTitle}
          words={words}
          empty={t("twice.none")}
          rows={twice.rows.map((row) => ({
            key: row.memberId,
            member: row.memberName,
            memberHref: registryRoutes.household(slug, row.householdId),
            covers: row.covers.map((cover, index) => line(cover, index)),
          }))}
        />
        <Pager label={twicePager.label} previous={twicePager.previous} next={twicePager.next}>
          {twicePager.label}
        </Pager>
      </section>
    </>
  );
}
