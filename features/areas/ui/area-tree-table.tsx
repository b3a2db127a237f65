import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableFoot, TableHead } from "@/components/ui/table";
import type { KecamatanNode } from "@/features/areas/queries";
import { formatNumber } from "@/lib/format";
import type { FigureCell } from "@/lib/spreadsheet/figures";
import { areaTreeFigures } from "@/features/areas/figures";

/**
 * Kecamatan rows, each followed by its kelurahan, indented: one table, read top to bottom. The
 * counts come suppressed (areaTreeFigures): a small one and what would give it back show a marker.
 */
export async function AreaTreeTable({ tree }: { tree: KecamatanNode[] }) {
  const [t, locale] = await Promise.all([getTranslations("Areas"), getLocale()]);
  const number = (cell: FigureCell | undefined) => (typeof cell === "number" ? formatNumber(cell, { locale }) : (cell ?? "–"));
  if (tree.length === 0) {
    return (
      <Card>
        <p className="p-5 text-muted">{t("empty")}</p>
      </Card>
    );
  }
  const figures = areaTreeFigures(tree).rows;
  // Row indices in areaTreeFigures' order: each kecamatan, then its kelurahan; the total last.
  const firstRow: number[] = [];
  tree.reduce((row, kecamatan) => {
    firstRow.push(row);
    return row + 1 + kecamatan.kelurahan.length;
  }, 0);
  const total = figures[figures.length - 1]!;
  return (
    <Card>
      <Table label={t("treeLabel")}>
        <TableHead>
          <tr>
            <HeaderCell>{t("columns.area")}</HeaderCell>
            <HeaderCell>{t("columns.code")}</HeaderCell>
            <HeaderCell numeric>{t("columns.households")}</HeaderCell>
            <HeaderCell numeric>{t("columns.extremePoor")}</HeaderCell>
          </tr>
        </TableHead>
        {tree.map((kecamatan, k) => (
          <tbody key={kecamatan.id} className="border-t-2 border-brand-100">
            <tr className="bg-paper">
              <RowHeaderCell className="font-semibold text-brand-900">
                {kecamatan.name}
                <span className="ml-2 text-sm font-normal text-muted">{t("kelurahanCount", { count: kecamatan.kelurahan.length })}</span>
              </RowHeaderCell>
              <Cell className="whitespace-nowrap tabular-nums text-muted">{kecamatan.code}</Cell>
              <Cell numeric className="font-semibold">
                {number(figures[firstRow[k]!]?.households)}
              </Cell>
              <Cell numeric className="font-semibold">
                {number(figures[firstRow[k]!]?.extremePoor)}
              </Cell>
            </tr>
            {kecamatan.kelurahan.map((kelurahan, l) => (
              <Row key={kelurahan.id}>
                <RowHeaderCell className="pl-10 font-normal">{kelurahan.name}</RowHeaderCell>
                <Cell className="whitespace-nowrap tabular-nums text-muted">{kelurahan.code}</Cell>
                <Cell numeric>{number(figures[firstRow[k]! + 1 + l]?.households)}</Cell>
                <Cell numeric>{number(figures[firstRow[k]! + 1 + l]?.extremePoor)}</Cell>
              </Row>
            ))}
          </tbody>
        ))}
        <TableFoot>
          <tr>
            <RowHeaderCell>{t("total")}</RowHeaderCell>
            <Cell>
              <span className="sr-only">–</span>
            </Cell>
            <Cell numeric>{number(total.households)}</Cell>
            <Cell numeric>{number(total.extremePoor)}</Cell>
          </tr>
        </TableFoot>
      </Table>
    </Card>
  );
}
