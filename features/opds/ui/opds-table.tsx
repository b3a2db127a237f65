import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import type { OpdRow } from "@/features/opds/queries";
import { opdsRoutes } from "@/features/opds/routes";

export async function OpdsTable({ opds, tenantSlug }: { opds: OpdRow[]; tenantSlug: string }) {
  const [t, locale] = await Promise.all([getTranslations("Opds"), getLocale()]);
  if (opds.length === 0) {
    return (
      <Card>
        <p className="p-5 text-muted">{t("empty")}</p>
      </Card>
    );
  }
  return (
    <Card>
      <Table label={t("listLabel")}>
        <TableHead>
          <tr>
            <HeaderCell>{t("columns.code")}</HeaderCell>
            <HeaderCell>{t("columns.name")}</HeaderCell>
            <HeaderCell>{t("columns.shortName")}</HeaderCell>
            <HeaderCell numeric>{t("columns.users")}</HeaderCell>
            <HeaderCell numeric>{t("columns.programmes")}</HeaderCell>
            <HeaderCell>{t("columns.status")}</HeaderCell>
            <HeaderCell>
              <span className="sr-only">{t("edit")}</span>
            </HeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {opds.map((opd) => (
            <Row key={opd.id}>
              <Cell className="whitespace-nowrap tabular-nums">{opd.code}</Cell>
              <RowHeaderCell className={opd.active ? undefined : "text-muted"}>
                {opd.name}
                {opd.decidesRegistryChanges ? (
                  <Badge tone="neutral" className="ml-2">
                    {t("registryRole.badge")}
                  </Badge>
                ) : null}
              </RowHeaderCell>
              <Cell className="whitespace-nowrap">{opd.shortName}</Cell>
              <Cell numeric>{formatNumber(opd._count.users, { locale })}</Cell>
              <Cell numeric>{formatNumber(opd._count.programmes, { locale })}</Cell>
              <Cell>
                <Badge tone={opd.active ? "positive" : "muted"}>{opd.active ? t("active") : t("inactive")}</Badge>
              </Cell>
              <Cell className="text-right">
                <Link
                  href={opdsRoutes.detail(tenantSlug, opd.id)}
                  aria-label={t("editOpd", { name: opd.shortName })}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {t("edit")}
                </Link>
              </Cell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
