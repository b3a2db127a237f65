import { useTranslations } from "next-intl";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { formatNumber, formatPercent, formatRupiah } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { percentOf } from "@/lib/money";
import type { AgeingBucket } from "@/features/revolving-funds/arrears";

/** Outstanding principal by days past due: PAR 30/60/90. */
export function AgeingTable({
  rows,
  locale,
  label,
}: {
  rows: { bucket: AgeingBucket; loans: number; outstanding: bigint }[];
  locale: AppLocale;
  label: string;
}) {
  const t = useTranslations("RevolvingFunds.ageing");
  const total = rows.reduce((sum, row) => sum + row.outstanding, 0n);
  return (
    <Table label={label}>
      <TableHead>
        <tr>
          <HeaderCell>{t("bucket")}</HeaderCell>
          <HeaderCell numeric>{t("loans")}</HeaderCell>
          <HeaderCell numeric>{t("outstanding")}</HeaderCell>
          <HeaderCell numeric>{t("share")}</HeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <Row key={row.bucket}>
            <RowHeaderCell>{t(`buckets.${row.bucket}`)}</RowHeaderCell>
            <Cell numeric>{formatNumber(row.loans, { locale })}</Cell>
            <Cell numeric>{formatRupiah(row.outstanding, { locale })}</Cell>
            <Cell numeric>{formatPercent(percentOf(row.outstanding, total, 1), { locale })}</Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}
