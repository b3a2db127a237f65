import { Cell, HeaderCell, Table, TableBody, TableFoot, TableHead } from "@/components/ui/table";
import { FigureRows } from "./figure-rows";
import type { FigureCell, FigureColumn, FigureTable } from "@/lib/spreadsheet/figures";
import { EMPTY_VALUE, formatFixedDecimal, formatNumber, formatPercent } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** One cell as the screen shows it, in the reader's number format. */
export function formatDashboardCell(column: FigureColumn, value: FigureCell | undefined, locale: AppLocale): string {
  if (value === null || value === undefined || value === "") return EMPTY_VALUE;
  if (typeof value === "string") return value;
  const digits = column.digits ?? 1;
  switch (column.kind) {
    case "percent":
      return formatPercent(value, { locale, minimumFractionDigits: digits, maximumFractionDigits: digits });
    case "number":
      return column.fixedDigits ? formatFixedDecimal(value, digits, { locale }) : formatNumber(value, { locale, maximumFractionDigits: digits });
    case "rupiah":
      return formatNumber(value, { locale, maximumFractionDigits: 0 });
    default:
      return formatNumber(value, { locale });
  }
}

/**
 * A dashboard table: the first column names the row, the others are figures. `rowHref`
 * makes a row's name a link (e.g. a kelurahan to its list of households).
 */
export function DashboardDataTable({
  table,
  locale,
  rowHref,
  id,
}: {
  table: FigureTable;
  locale: AppLocale;
  rowHref?: (index: number) => string | null;
  id?: string;
}) {
  const [first, ...rest] = table.columns;
  if (!first) return null;
  const cells = (row: FigureTable["rows"][number]) =>
    rest.map((column) => (
      <Cell key={column.key} numeric={column.kind !== "text"}>
        {formatDashboardCell(column, row[column.key], locale)}
      </Cell>
    ));
  return (
    <Table label={table.title} id={id}>
      <TableHead>
        <tr>
          {table.columns.map((column) => (
            <HeaderCell key={column.key} numeric={column.kind !== "text"}>
              {column.label}
            </HeaderCell>
          ))}
        </tr>
      </TableHead>
      <TableBody>
        <FigureRows
          numeric={rest.map((column) => column.kind !== "text")}
          rows={table.rows.map((row, i) => ({
            name: formatDashboardCell(first, row[first.key], locale),
            href: rowHref?.(i) ?? null,
            cells: rest.map((column) => formatDashboardCell(column, row[column.key], locale)),
          }))}
        />
      </TableBody>
      {table.total ? (
        <TableFoot>
          <tr>
            <th scope="row">{formatDashboardCell(first, table.total[first.key], locale)}</th>
            {cells(table.total)}
          </tr>
        </TableFoot>
      ) : null}
    </Table>
  );
}
