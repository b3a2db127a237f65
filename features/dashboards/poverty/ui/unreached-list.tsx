import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { UnreachedHousehold } from "@/features/dashboards/poverty/queries";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { maskNik } from "@/lib/identity/nik";
import { registryRoutes } from "@/features/registry/routes";
import type { FigureCell } from "@/lib/spreadsheet/figures";

export const UNREACHED_PAGE_SIZE = 25;

/**
 * The named list of extreme-poor households nobody reached, for roles that may see personal
 * data; anyone else gets the count only. No. KK is masked, the household page has the rest.
 */
export async function UnreachedList({
  tenantSlug,
  rows,
  count,
  shownCount,
  named,
  kelurahanName,
  page,
  pageHref,
  showAllHref,
}: {
  tenantSlug: string;
  rows: UnreachedHousehold[];
  count: number;
  /** The count as the coverage table shows it: a hidden one keeps its marker for those who see no names. */
  shownCount: FigureCell;
  named: boolean;
  kelurahanName: string | null;
  page: number;
  pageHref: (page: number) => string;
  showAllHref: string | null;
}) {
  const [t, locale] = await Promise.all([getTranslations("PovertyDashboard"), getLocale() as Promise<AppLocale>]);
  const description = (
    <>
      {kelurahanName ? t("list.forKelurahan", { name: kelurahanName }) : t("list.allKelurahan")}
      {showAllHref ? (
        <>
          {" · "}
          <Link href={showAllHref} className="text-brand-700 underline underline-offset-2">
            {t("list.showAll")}
          </Link>
        </>
      ) : null}
      {named ? <> · {t("list.description")}</> : null}
    </>
  );
  return (
    <Card className="print:hidden">
      <div id="daftar" tabIndex={-1} className="outline-none">
        <CardHeader id="unreached-list" title={t("list.title")} description={description} />
      </div>
      {!named ? (
        <p className="p-4 sm:p-5">
          {t("list.countsOnly", { count: typeof shownCount === "number" ? formatNumber(shownCount, { locale }) : (shownCount ?? "–") })}
        </p>
      ) : rows.length === 0 ? (
        <p className="p-4 text-muted sm:p-5">{t("list.empty")}</p>
      ) : (
        <>
          <Table label={t("list.title")}>
            <TableHead>
              <tr>
                <HeaderCell>{t("list.head")}</HeaderCell>
                <HeaderCell>{t("list.noKk")}</HeaderCell>
                <HeaderCell>{t("columns.kelurahan")}</HeaderCell>
                <HeaderCell numeric>{t("columns.desil")}</HeaderCell>
                <HeaderCell>{t("list.address")}</HeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <Row key={row.householdId}>
                  <RowHeaderCell>
                    <Link
                      href={registryRoutes.household(tenantSlug, row.householdId)}
                      className="text-brand-700 underline underline-offset-2 hover:text-brand-900"
                    >
                      {row.headName ?? "–"}
                    </Link>
                  </RowHeaderCell>
                  <Cell className="font-mono whitespace-nowrap">{maskNik(row.noKk)}</Cell>
                  <Cell>{row.kelurahan}</Cell>
                  <Cell numeric>{row.desil ?? "–"}</Cell>
                  <Cell>{row.address}</Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
          <nav aria-label={t("list.title")} className="flex items-center justify-between gap-3 border-t border-line px-4 py-2.5 text-sm sm:px-5">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} className="font-medium text-brand-700 underline underline-offset-2">
                {t("list.previous")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-muted">{t("list.page", { page })}</span>
            {page * UNREACHED_PAGE_SIZE < count ? (
              <Link href={pageHref(page + 1)} className="font-medium text-brand-700 underline underline-offset-2">
                {t("list.next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      )}
    </Card>
  );
}
