import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableFoot, TableHead } from "@/components/ui/table";
import { formatNumber, formatPercent } from "@/lib/format";
import { sharePercent, type KecamatanBreakdownRow, type TenantOverview } from "@/features/home/queries";

export async function KecamatanTable({ rows, totals }: { rows: KecamatanBreakdownRow[]; totals: TenantOverview }) {
  const [t, locale] = await Promise.all([getTranslations("Home"), getLocale()]);
  const number = (value: number) => formatNumber(value, { locale });
  const share = (part: number, whole: number) => formatPercent(sharePercent(part, whole), { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return (
    <Card className="mt-8">
      <CardHeader id="kecamatan-breakdown" title={t("breakdownTitle")} description={t("breakdownIntro")} />
      {rows.length === 0 ? (
        <p className="p-5 text-muted">{t("noAreas")}</p>
      ) : (
        <Table label={t("breakdownTitle")}>
          <TableHead>
            <tr>
              <HeaderCell>{t("columns.kecamatan")}</HeaderCell>
              <HeaderCell numeric>{t("columns.kelurahan")}</HeaderCell>
              <HeaderCell numeric>{t("columns.households")}</HeaderCell>
              <HeaderCell numeric>{t("columns.extremePoor")}</HeaderCell>
              <HeaderCell numeric>{t("columns.share")}</HeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <Row key={row.id}>
                <RowHeaderCell>{row.name}</RowHeaderCell>
                <Cell numeric>{number(row.kelurahan)}</Cell>
                <Cell numeric>{number(row.households)}</Cell>
                <Cell numeric>{number(row.extremePoorHouseholds)}</Cell>
                <Cell numeric>{share(row.extremePoorHouseholds, row.households)}</Cell>
              </Row>
            ))}
          </TableBody>
          <TableFoot>
            <tr>
              <RowHeaderCell>{t("total")}</RowHeaderCell>
              <Cell numeric>{number(totals.kelurahan)}</Cell>
              <Cell numeric>{number(totals.households)}</Cell>
              <Cell numeric>{number(totals.extremePoorHouseholds)}</Cell>
              <Cell numeric>{share(totals.extremePoorHouseholds, totals.households)}</Cell>
            </tr>
          </TableFoot>
        </Table>
      )}
    </Card>
  );
}
