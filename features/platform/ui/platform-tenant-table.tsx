import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import type { PlatformTenantRow } from "@/features/platform/platform-tenants";

/** The registered kota/kabupaten with their area and account counts, and their pod when there are several. */
export async function PlatformTenantTable({ tenants, showPods = false }: { tenants: PlatformTenantRow[]; showPods?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("Platform.list"), getLocale()]);
  const number = (value: number) => formatNumber(value, { locale });
  return (
    <Card>
      <CardHeader id="tenant-list" title={t("title")} description={t("description")} />
      {tenants.length === 0 ? (
        <p className="p-5 text-muted">{t("empty")}</p>
      ) : (
        <Table label={t("label")}>
          <TableHead>
            <tr>
              <HeaderCell>{t("columns.name")}</HeaderCell>
              <HeaderCell>{t("columns.slug")}</HeaderCell>
              <HeaderCell>{t("columns.code")}</HeaderCell>
              <HeaderCell>{t("columns.province")}</HeaderCell>
              {showPods ? <HeaderCell>{t("columns.pod")}</HeaderCell> : null}
              <HeaderCell numeric>{t("columns.kecamatan")}</HeaderCell>
              <HeaderCell numeric>{t("columns.kelurahan")}</HeaderCell>
              <HeaderCell numeric>{t("columns.users")}</HeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {tenants.map((tenant) => (
              <Row key={tenant.id}>
                <RowHeaderCell>{tenant.name}</RowHeaderCell>
                <Cell className="font-mono text-sm">/{tenant.slug}</Cell>
                <Cell className="tabular-nums">{tenant.kemendagriCode}</Cell>
                <Cell>{tenant.provinceName}</Cell>
                {showPods ? <Cell className="font-mono text-sm">{tenant.pod}</Cell> : null}
                <Cell numeric>{number(tenant.kecamatan)}</Cell>
                <Cell numeric>{number(tenant.kelurahan)}</Cell>
                <Cell numeric>{number(tenant.users)}</Cell>
              </Row>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
