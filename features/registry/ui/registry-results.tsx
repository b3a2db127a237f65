import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Cell, HeaderCell, Row, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import type { RegistryRow } from "@/features/registry/search/search-households";
import { DesilBadge, ExtremeBadge, StatusBadge } from "./registry-badges";
import { registryRoutes } from "@/features/registry/routes";

export async function RegistryResults({ rows, tenantSlug }: { rows: RegistryRow[]; tenantSlug: string }) {
  const [t, locale] = await Promise.all([getTranslations("Registry"), getLocale()]);
  return (
    <Table label={t("results.label")}>
      <TableHead>
        <tr>
          <HeaderCell>{t("results.head")}</HeaderCell>
          <HeaderCell>{t("results.noKk")}</HeaderCell>
          <HeaderCell>{t("results.area")}</HeaderCell>
          <HeaderCell>{t("results.address")}</HeaderCell>
          <HeaderCell>{t("results.desil")}</HeaderCell>
          <HeaderCell>{t("results.status")}</HeaderCell>
          <HeaderCell numeric>{t("results.members")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <Row key={row.id}>
            <th scope="row" className="sticky left-0 z-10 bg-inherit px-4 py-2.5 text-left align-top font-medium">
              <Link href={registryRoutes.household(tenantSlug, row.id)} className="text-brand-700 underline-offset-2 hover:underline">
                {row.headName ?? t("results.noHead")}
              </Link>
              {row.match ? (
                <span className="mt-0.5 block text-xs font-normal text-muted">
                  {t("results.matchName", { name: row.match.name, nik: row.match.nikMasked })}
                </span>
              ) : null}
            </th>
            <Cell className="align-top font-mono text-[0.8125rem] whitespace-nowrap">{row.noKkMasked}</Cell>
            <Cell className="align-top">
              {row.kelurahan}
              <span className="block text-xs text-muted">{t("results.kecamatanOf", { name: row.kecamatan })}</span>
            </Cell>
            <Cell className="align-top">
              {row.address}
              {row.rt || row.rw ? <span className="block text-xs text-muted">{t("results.rtRw", { rt: row.rt ?? "–", rw: row.rw ?? "–" })}</span> : null}
            </Cell>
            <Cell className="align-top">
              <span className="flex flex-wrap items-center gap-1.5">
                <DesilBadge desil={row.desil} />
                {row.isExtremePoor ? <ExtremeBadge>{t("extreme")}</ExtremeBadge> : null}
              </span>
            </Cell>
            <Cell className="align-top">
              <StatusBadge status={row.status} />
            </Cell>
            <Cell numeric className="align-top">
              {formatNumber(row.memberCount, { locale })}
            </Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}

/** Previous / next / first page, keeping the search; a household id as cursor, never an offset. */
export async function RegistryPagination({
  hrefFor,
  prevBefore,
  nextAfter,
  paged,
}: {
  hrefFor: (cursor: { after?: string; before?: string }) => string;
  prevBefore: string | null;
  nextAfter: string | null;
  paged: boolean;
}) {
  const t = await getTranslations("Registry.pagination");
  if (!paged && !nextAfter) return null;
  const link = "inline-flex min-h-10 items-center rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50";
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap justify-end gap-2">
      {paged ? (
        <Link href={hrefFor({})} className={link}>
          {t("first")}
        </Link>
      ) : null}
      {prevBefore ? (
        <Link href={hrefFor({ before: prevBefore })} className={link} rel="prev">
          ← {t("previous")}
        </Link>
      ) : null}
      {nextAfter ? (
        <Link href={hrefFor({ after: nextAfter })} className={link} rel="next">
          {t("next")} →
        </Link>
      ) : null}
    </nav>
  );
}
