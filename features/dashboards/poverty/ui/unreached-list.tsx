import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ExportLinks } from "@/components/spreadsheet/export-links";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/select-field";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { UnreachedHousehold } from "@/features/dashboards/poverty/queries";
import type { UnreachedPage } from "@/features/dashboards/poverty/unreached";
import { KeyPagination } from "@/components/ui/key-pagination";
import type { KeyCursor } from "@/lib/paging/key-page";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { maskNik } from "@/lib/identity/nik";
import { registryRoutes } from "@/features/registry/routes";
import type { FigureCell } from "@/lib/spreadsheet/figures";

export const UNREACHED_PAGE_SIZE = 25;

const DESIL_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The list's own filters, as a GET form that keeps the dashboard's (hidden): kelurahan and desil, ids and numbers only. */
export type UnreachedListFilterForm = {
  path: string;
  hidden: [string, string][];
  kelurahan: { id: string; name: string }[];
  kelurahanId: string | null;
};

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
  desil,
  page,
  paged,
  pageHref,
  showAllHref,
  filter,
  exportHref,
  exportQuery,
  printHref,
}: {
  tenantSlug: string;
  rows: UnreachedHousehold[];
  count: number;
  /** The count as the coverage table shows it: a hidden one keeps its marker for those who see no names. */
  shownCount: FigureCell;
  named: boolean;
  kelurahanName: string | null;
  /** The desil chosen (0: none recorded), or null for all. */
  desil: number | null;
  /** The keys of the neighbouring pages (features/dashboards/poverty/unreached.ts). */
  page: Pick<UnreachedPage, "nextAfter" | "prevBefore">;
  /** This page was reached through a key (it is not the first). */
  paged: boolean;
  pageHref: (cursor: KeyCursor) => string;
  showAllHref: string | null;
  filter: UnreachedListFilterForm;
  /** The file of the whole list (null: the viewer may not take it). */
  exportHref: string | null;
  exportQuery: string;
  /** The chosen kelurahan's visiting list to print, or with none chosen the choice of one (null: the viewer may not). */
  printHref: string | null;
}) {
  const [t, locale] = await Promise.all([getTranslations("PovertyDashboard"), getLocale() as Promise<AppLocale>]);
  const description = (
    <>
      {kelurahanName ? t("list.forKelurahan", { name: kelurahanName }) : t("list.allKelurahan")}
      {desil !== null ? <> · {desil === 0 ? t("list.noDesil") : t("list.forDesil", { desil })}</> : null}
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
      {named ? (
        <div className="space-y-3 border-b border-line px-4 pb-4 sm:px-5">
          <p className="text-base font-semibold" data-testid="unreached-total">
            {t("list.total", { count, shown: formatNumber(count, { locale }) })}
          </p>
          <form method="get" action={`${filter.path}#daftar`} aria-label={t("list.filterLabel")}>
            {filter.hidden.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto]">
              <SelectField id="unreached-kelurahan" name="kelurahan" label={t("columns.kelurahan")} defaultValue={filter.kelurahanId ?? ""}>
                <option value="">{t("list.allKelurahan")}</option>
                {filter.kelurahan.map((kelurahan) => (
                  <option key={kelurahan.id} value={kelurahan.id}>
                    {kelurahan.name}
                  </option>
                ))}
              </SelectField>
              <SelectField id="unreached-desil" name="desil" label={t("columns.desil")} defaultValue={desil === null ? "" : String(desil)}>
                <option value="">{t("list.allDesil")}</option>
                {DESIL_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t("list.forDesil", { desil: choice })}
                  </option>
                ))}
                <option value="0">{t("list.noDesil")}</option>
              </SelectField>
              <Button type="submit" className="min-h-11">
                {t("list.apply")}
              </Button>
            </div>
          </form>
          <div className="flex flex-wrap items-center gap-2 print:hidden">
            {exportHref ? <ExportLinks href={exportHref} query={exportQuery} /> : null}
            {printHref ? (
              <LinkButton href={printHref} variant="secondary" className="min-h-11">
                {kelurahanName ? t("list.print") : t("list.printChoose")}
              </LinkButton>
            ) : null}
          </div>
        </div>
      ) : null}
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
          <KeyPagination
            label={t("list.pages")}
            href={pageHref}
            page={{ rows, total: count, nextAfter: page.nextAfter, prevBefore: page.prevBefore }}
            paged={paged}
            className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-2.5 sm:px-5"
          />
        </>
      )}
    </Card>
  );
}
