import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { coverEndingThisMonth, coveredTwice } from "@/features/aid/bpjs-cover";
import { aidRoutes } from "@/features/aid/routes";
import { EndingTable, TwiceTable, type CoverLine } from "@/features/aid/ui/bpjs-lists";
import { KeyPagination } from "@/components/ui/key-pagination";
import { registryRoutes } from "@/features/registry/routes";
import { requireTenantPage } from "@/lib/auth/guard";
import { programmeScope } from "@/lib/auth/scope";
import { monthName } from "@/lib/calendar/months";
import { withTenant } from "@/lib/db";
import { formatMonth, formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { keyCursorOf, keyCursorQuery, type KeyCursor } from "@/lib/paging/key-page";
import { readSearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Aid.bpjs");
  return { title: t("title") };
}

/** The two lists page by key, each with its own cursor in the URL (`akhirSetelah`, `gandaSebelum`…). */
const LISTS = { ending: "akhir", twice: "ganda" } as const;
const PAGER = "mt-3 flex flex-wrap items-center justify-between gap-3";

export default async function BpjsCoverPage({ params, searchParams }: Props) {
  const slug = (await params).tenant;
  const user = await requireTenantPage(slug, "aid");
  const query = readSearchParams(await searchParams);
  const cursors = { ending: keyCursorOf(query, LISTS.ending), twice: keyCursorOf(query, LISTS.twice) };
  const scope = programmeScope(user);

  const { ending, twice } = await withTenant(user.tenantId, async (tx) => ({
    ending: await coverEndingThisMonth(tx, { tenantId: user.tenantId, scope, cursor: cursors.ending }),
    twice: await coveredTwice(tx, { tenantId: user.tenantId, scope, cursor: cursors.twice }),
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
  // A list's pages keep the other list where it is.
  const to = (list: keyof typeof LISTS, at: KeyCursor) =>
    aidRoutes.bpjs(slug, {
      ...keyCursorQuery(list === "ending" ? at : cursors.ending, LISTS.ending),
      ...keyCursorQuery(list === "twice" ? at : cursors.twice, LISTS.twice),
    });
  const paged = (list: keyof typeof LISTS, page: { cursorLost: boolean }) => Boolean((cursors[list].after || cursors[list].before) && !page.cursorLost);
  const endingTitle = t("ending.title", { month: `${monthName(ending.month.month, locale)} ${ending.month.year}`, count: ending.total });
  const twiceTitle = t("twice.title", { count: twice.total });

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
        <KeyPagination label={t("ending.pages")} href={(at) => to("ending", at)} page={ending} paged={paged("ending", ending)} className={PAGER} />
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
        <KeyPagination label={t("twice.pages")} href={(at) => to("twice", at)} page={twice} paged={paged("twice", twice)} className={PAGER} />
      </section>
    </>
  );
}
