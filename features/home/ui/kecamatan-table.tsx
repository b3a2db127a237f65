import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableFoot, TableHead } from "@/components/ui/table";
import { formatNumber, formatPercent } from "@/lib/format";
import type { FigureRow, FigureTable } from "@/lib/spreadsheet/figures";
import { shownCell } from "@/features/home/figures";

/** `table`: kecamatanFigures, with its small counts already hidden. */
export async function KecamatanTable({ table }: { table: FigureTable }) {
  const [t, locale] = await Promise.all([getTranslations("Home"), getLocale()]);
  const number = (cell: FigureRow[string] | undefined) => shownCell(cell, (value) => formatNumber(value, { locale }));
  const share = (cell: FigureRow[string] | undefined) =>
    typeof cell === "string" ? cell : formatPercent(cell ?? null, { locale, minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const cells = (row: FigureRow) => (
    <>
      <Cell numeric>{number(row.kelurahan)}</Cell>
      <Cell numeric>{number(row.households)}</Cell>
      <Cell numeric>{number(row.extremePoor)}</Cell>
      <Cell numeric>{share(row.share)}</Cell>
    </>
  );

  return (
    <Card className="mt-8">
      <CardHeader id="kecamatan-breakdown" title={t("breakdownTitle")} description={t("breakdownIntro")} />
      {table.rows.length === 0 ? (
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
            {table.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: kecamatan rows in a fixed order, never reordered on the client
              <Row key={i}>
                <RowHeaderCell>{String(row.name ?? "")}</RowHeaderCell>
                {cells(row)}
              </Row>
            ))}
          </TableBody>
          {table.total ? (
            <TableFoot>
              <tr>
                <RowHeaderCell>{t("total")}</RowHeaderCell>
                {cells(table.total)}
              </tr>
            </TableFoot>
          ) : null}
        </Table>
      )}
    </Card>
  );
}
